-- A version 2 database (meerstem before the import speed-up), made by
-- meerstem init and trajectory add OLD, then sqlite3 .dump.
PRAGMA application_id = 1297306701;
PRAGMA user_version = 2;
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE phase (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  position INTEGER NOT NULL,
  name_nl TEXT NOT NULL,
  name_en TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT ''
);
INSERT INTO phase VALUES(1,'orientation',1,'Voortraject en agendering','Orientation and agenda-setting','De vraag en de reikwijdte bepalen, en nagaan wie door het onderwerp geraakt wordt en wie al aan tafel zit.');
INSERT INTO phase VALUES(2,'diagnosis',2,'Probleemanalyse','Diagnosis','Scherp krijgen wat er misgaat, bij wie en waardoor, met de kennis en ervaring van wie het aangaat.');
INSERT INTO phase VALUES(3,'options',3,'Oplossingsrichtingen en aanbevelingen','Options and recommendations','Mogelijke oplossingen verkennen en afwegen, en de aanbevelingen van het advies formuleren.');
INSERT INTO phase VALUES(4,'adoption',4,'Vaststelling in de raad','Adoption by the council','Het conceptadvies wordt in de raad besproken en vastgesteld.');
INSERT INTO phase VALUES(5,'followup',5,'Terugkoppeling en nazorg','Feedback and follow-up','Deelnemers horen wat er met hun inbreng is gebeurd en de doorwerking van het advies wordt gevolgd.');
CREATE TABLE form (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  position INTEGER NOT NULL,
  name_nl TEXT NOT NULL,
  name_en TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('inform', 'advise', 'codecide', 'decide')),
  representative TEXT NOT NULL CHECK (representative IN ('yes', 'partly', 'no')),
  commitment TEXT NOT NULL CHECK (commitment IN ('low', 'medium', 'high')),
  effort TEXT NOT NULL CHECK (effort IN ('low', 'medium', 'high')),
  cost TEXT NOT NULL CHECK (cost IN ('low', 'medium', 'high')),
  purpose TEXT NOT NULL DEFAULT '',
  pros TEXT NOT NULL DEFAULT '',
  cons TEXT NOT NULL DEFAULT ''
);
INSERT INTO form VALUES(1,'survey',1,'Enquête','Survey','inform','yes','low','low','medium','Ontbrekende feiten en meningen ophalen bij een grote groep die, met een goede steekproef, een afspiegeling vormt.',replace('Met een zorgvuldige steekproef ontstaat een beeld van een brede groep, ook buiten de achterbannen\nInvullen kost deelnemers weinig tijd\nDe SER legt zich niet vast op de uitkomsten','\n',char(10)),replace('Het veldwerk door een onderzoeksbureau kost geld\nEén contactmoment, zonder gesprek of uitwisseling\nSchriftelijke en online vragenlijsten missen wie moeite heeft met taal of geen vertrouwen heeft in instanties\nWeinig blijvende kennis of relaties\nUitkomsten die botsen met de opvattingen van commissie of achterban verdwijnen gemakkelijk uit het advies','\n',char(10)));
INSERT INTO form VALUES(2,'expert_session',2,'Expertsessie','Expert session','inform','no','low','low','low','Deskundigen delen hun kennis met de commissie om een onderwerp te verkennen, af te bakenen of breder te bekijken.',replace('Kost weinig of niets\nSnel te organiseren, met snel resultaat\nHelpt bij de start van een traject aan een gezamenlijk vertrekpunt\nVraagt weinig van de deelnemers','\n',char(10)),replace('Deskundigen zijn geen afspiegeling van wie door het probleem geraakt wordt\nGeschikte experts vinden en vasthouden is lastig\nVrijblijvend, waardoor de invloed op het advies moeilijk aan te wijzen is\nEenmalig, dus weinig kennisopbouw','\n',char(10)));
INSERT INTO form VALUES(3,'dialogue_table',3,'Dialoogtafel','Dialogue table','inform','no','low','low','low','In kleine groepen aan ronde tafels ophalen waar mensen in de praktijk op vastlopen en welke verbeteringen zij zien.',replace('Lage kosten\nLevert praktijkvoorbeelden op en een menselijker verhaal in het advies\nTientallen deelnemers in één bijeenkomst\nHelpt de probleemanalyse aan te scherpen','\n',char(10)),replace('Representativiteit wordt niet nagestreefd\nMensen buiten de netwerken van de sociale partners zijn moeilijk over te halen om te komen\nWat individuen inbrengen is lastig terug te voeren naar het advies\nZonder terugkoppeling haken deelnemers bij een volgende gelegenheid af','\n',char(10)));
INSERT INTO form VALUES(4,'experience_interview',4,'Gesprek met ervaringsdeskundigen','Interview with people with lived experience','inform','no','medium','low','medium','Op bezoek gaan bij mensen die het probleem zelf meemaken, om te begrijpen wie zij zijn en waar zij op vastlopen.',replace('Bereikt mensen die nooit naar een bijeenkomst in Den Haag zouden komen\nGeeft commissieleden een gedeeld en levendig beeld van het probleem\nMaakt het advies concreter en menselijker','\n',char(10)),replace('Contact verloopt vaak via de achterbannen van sociale partners, waardoor de gesprekspartners niet neutraal zijn\nVraagt voorbereiding, reistijd en soms een tolk of vertrouwd tussenpersoon\nEnkele verhalen zeggen weinig over hoe vaak iets voorkomt\nWie een persoonlijk verhaal deelt, mag verwachten te horen wat ermee gebeurt','\n',char(10)));
INSERT INTO form VALUES(5,'work_visit',5,'Werkbezoek','Work visit','inform','no','low','low','low','Met de commissie ter plaatse zien hoe een organisatie een vraagstuk aanpakt en hoe het werk werkelijk verloopt.',replace('Toont de dagelijkse praktijk in plaats van het verhaal erover\nOok medewerkers op de werkvloer komen aan het woord\nWeinig kosten en snel te regelen','\n',char(10)),replace('De gastorganisatie bepaalt grotendeels wat de commissie ziet en wie zij spreekt\nKritische medewerkers houden zich in als de leiding meeluistert\nEén locatie is geen dwarsdoorsnede van een sector','\n',char(10)));
INSERT INTO form VALUES(6,'focus_group',6,'Focusgroep','Focus group','advise','no','low','medium','low','Een afgebakende doelgroep gericht bevragen over één concrete vraag, op elk moment in het traject.',replace('Geeft inzicht in hoe een doelgroep denkt\nFlexibel in te zetten zodra een vraag opkomt\nVragen kunnen scherp worden gesteld\nSnel resultaat','\n',char(10)),replace('Een kleine groep, geen afspiegeling\nDeelnemers komen vaak uit het eigen netwerk\nVraagt enige tijd van de deelnemers','\n',char(10)));
INSERT INTO form VALUES(7,'citizens_panel',7,'Burgerpanel','Citizens'' panel','advise','partly','medium','medium','medium','Een vaste groep burgers, geen vertegenwoordigers of experts, op verschillende momenten om hun mening vragen.',replace('Snel en herhaald te raadplegen\nLaat zien hoe meningen zich in de tijd ontwikkelen\nGerichte vragen zijn mogelijk','\n',char(10)),replace('Niet vanzelf representatief, wie zich aanmeldt is vaak hoger opgeleid\nVraagt doorlopende inzet van de panelleden\nZonder terugkoppeling raken panelleden teleurgesteld en haken zij af','\n',char(10)));
INSERT INTO form VALUES(8,'citizens_forum',8,'Ad-hocburgerforum','Ad hoc citizens'' forum','advise','yes','high','high','high','Een door loting samengestelde groep burgers doorloopt een eigen proces en adviseert de raad, die opdrachtgever is.',replace('Door (gewogen) loting een representatieve groep\nRuimte om een onderwerp grondig uit te diepen\nDe raad moet uitleggen wat hij met de uitkomsten doet, wat het vertrouwen versterkt','\n',char(10)),replace('Die verantwoordingsplicht bindt de raad ook\nVeel werk voor de organisatie en veel tijd van de deelnemers\nMoet vroeg in het traject starten om op tijd klaar te zijn','\n',char(10)));
INSERT INTO form VALUES(9,'stakeholder_forum',9,'Stakeholderforum','Stakeholder forum','advise','no','medium','medium','medium','Een vaste groep belanghebbenden zet het perspectief van één groep op de agenda, zoals het SER Jongerenplatform dat voor jongeren doet.',replace('Brengt het perspectief van een groep structureel in\nKan gevraagd en ongevraagd adviseren\nBouwt kennis en relaties op over meerdere trajecten heen','\n',char(10)),replace('Niet representatief, spreekt vooral voor het georganiseerde deel van de groep\nAfstemming met de moederorganisaties verloopt moeizaam\nZelfstandig werken binnen de raad vraagt heldere afspraken','\n',char(10)));
INSERT INTO form VALUES(10,'council_seat',10,'Zetel in de raad','Seat on the council','codecide','no','high','high','medium','Een vertegenwoordiger van een groep neemt volwaardig deel aan het overleg en de besluitvorming van de raad.',replace('De groep heeft een eigen stem aan tafel\nEven zwaar als de andere geledingen\nVertegenwoordiging binnen de bestaande werkwijze','\n',char(10)),replace('De groep moet iemand kunnen afvaardigen die namens haar spreekt\nDe verhouding tot de andere geledingen is onduidelijk\nMoeilijk te bepalen welke groep of persoon een zetel verdient','\n',char(10)));
INSERT INTO form VALUES(11,'citizens_assembly',11,'Burgerberaad','Citizens'' assembly','decide','yes','high','high','high','Een door gewogen loting gekozen afspiegeling van de samenleving beraadslaagt en brengt een eigen of gezamenlijk advies uit, met de overheid als opdrachtgever.',replace('Weerspiegelt de samenleving\nGrondige afweging in drie stappen, informeren, beraadslagen en aanbevelen\nUitkomsten zijn breed gedragen en inhoudelijk sterk','\n',char(10)),replace('De opdrachtgever heeft geen zeggenschap over de uitkomst\nZeer veel inzet van organisatoren en deelnemers\nDuurt maanden en moet dus aan het begin van een traject beginnen\nZonder goede inbedding in de besluitvorming blijft de invloed klein','\n',char(10)));
CREATE TABLE form_reach (
  form_id INTEGER NOT NULL REFERENCES form(id) ON DELETE CASCADE,
  voice TEXT NOT NULL CHECK (voice IN ('vulnerable', 'critical', 'silent_majority', 'silent_middle', 'established', 'unknown')),
  reach TEXT NOT NULL CHECK (reach IN ('good', 'bad')),
  PRIMARY KEY (form_id, voice)
) WITHOUT ROWID;
INSERT INTO form_reach VALUES(1,'critical','bad');
INSERT INTO form_reach VALUES(1,'silent_majority','good');
INSERT INTO form_reach VALUES(1,'silent_middle','good');
INSERT INTO form_reach VALUES(1,'vulnerable','bad');
INSERT INTO form_reach VALUES(2,'critical','bad');
INSERT INTO form_reach VALUES(2,'established','good');
INSERT INTO form_reach VALUES(2,'silent_majority','bad');
INSERT INTO form_reach VALUES(2,'vulnerable','bad');
INSERT INTO form_reach VALUES(3,'critical','bad');
INSERT INTO form_reach VALUES(3,'established','good');
INSERT INTO form_reach VALUES(3,'vulnerable','bad');
INSERT INTO form_reach VALUES(4,'critical','good');
INSERT INTO form_reach VALUES(4,'silent_majority','bad');
INSERT INTO form_reach VALUES(4,'vulnerable','good');
INSERT INTO form_reach VALUES(5,'critical','bad');
INSERT INTO form_reach VALUES(5,'established','good');
INSERT INTO form_reach VALUES(5,'vulnerable','good');
INSERT INTO form_reach VALUES(6,'critical','bad');
INSERT INTO form_reach VALUES(6,'silent_middle','good');
INSERT INTO form_reach VALUES(7,'critical','bad');
INSERT INTO form_reach VALUES(7,'silent_majority','good');
INSERT INTO form_reach VALUES(7,'vulnerable','bad');
INSERT INTO form_reach VALUES(8,'silent_majority','good');
INSERT INTO form_reach VALUES(8,'silent_middle','good');
INSERT INTO form_reach VALUES(9,'critical','bad');
INSERT INTO form_reach VALUES(9,'established','good');
INSERT INTO form_reach VALUES(9,'silent_majority','bad');
INSERT INTO form_reach VALUES(10,'critical','bad');
INSERT INTO form_reach VALUES(10,'established','good');
INSERT INTO form_reach VALUES(10,'silent_majority','bad');
INSERT INTO form_reach VALUES(10,'vulnerable','bad');
INSERT INTO form_reach VALUES(11,'silent_majority','good');
INSERT INTO form_reach VALUES(11,'silent_middle','good');
CREATE TABLE form_phase (
  form_id INTEGER NOT NULL REFERENCES form(id) ON DELETE CASCADE,
  phase_id INTEGER NOT NULL REFERENCES phase(id) ON DELETE CASCADE,
  PRIMARY KEY (form_id, phase_id)
) WITHOUT ROWID;
INSERT INTO form_phase VALUES(1,1);
INSERT INTO form_phase VALUES(1,2);
INSERT INTO form_phase VALUES(1,3);
INSERT INTO form_phase VALUES(1,5);
INSERT INTO form_phase VALUES(2,1);
INSERT INTO form_phase VALUES(2,2);
INSERT INTO form_phase VALUES(2,3);
INSERT INTO form_phase VALUES(2,4);
INSERT INTO form_phase VALUES(3,1);
INSERT INTO form_phase VALUES(3,2);
INSERT INTO form_phase VALUES(3,3);
INSERT INTO form_phase VALUES(3,4);
INSERT INTO form_phase VALUES(3,5);
INSERT INTO form_phase VALUES(4,1);
INSERT INTO form_phase VALUES(4,2);
INSERT INTO form_phase VALUES(4,3);
INSERT INTO form_phase VALUES(4,5);
INSERT INTO form_phase VALUES(5,1);
INSERT INTO form_phase VALUES(5,2);
INSERT INTO form_phase VALUES(5,3);
INSERT INTO form_phase VALUES(5,5);
INSERT INTO form_phase VALUES(6,1);
INSERT INTO form_phase VALUES(6,2);
INSERT INTO form_phase VALUES(6,3);
INSERT INTO form_phase VALUES(6,4);
INSERT INTO form_phase VALUES(6,5);
INSERT INTO form_phase VALUES(7,1);
INSERT INTO form_phase VALUES(7,2);
INSERT INTO form_phase VALUES(7,3);
INSERT INTO form_phase VALUES(7,4);
INSERT INTO form_phase VALUES(7,5);
INSERT INTO form_phase VALUES(8,1);
INSERT INTO form_phase VALUES(8,2);
INSERT INTO form_phase VALUES(8,3);
INSERT INTO form_phase VALUES(9,1);
INSERT INTO form_phase VALUES(9,2);
INSERT INTO form_phase VALUES(9,3);
INSERT INTO form_phase VALUES(9,4);
INSERT INTO form_phase VALUES(9,5);
INSERT INTO form_phase VALUES(10,1);
INSERT INTO form_phase VALUES(10,2);
INSERT INTO form_phase VALUES(11,1);
INSERT INTO form_phase VALUES(11,2);
CREATE TABLE trajectory (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32
    AND code NOT GLOB '*[^A-Za-z0-9._-]*'),
  title TEXT NOT NULL CHECK (length(title) > 0),
  question TEXT NOT NULL DEFAULT '',
  commission TEXT NOT NULL DEFAULT '',
  requester TEXT NOT NULL DEFAULT '',
  phase_id INTEGER NOT NULL REFERENCES phase(id),
  start_date TEXT CHECK (start_date IS NULL OR (start_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(start_date) = start_date)),
  due_date TEXT CHECK (due_date IS NULL OR (due_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(due_date) = due_date)),
  status TEXT NOT NULL DEFAULT 'active'
    CHECK (status IN ('active', 'adopted', 'closed')),
  version INTEGER NOT NULL DEFAULT 1,
  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
INSERT INTO trajectory VALUES(1,'OLD','Oud','','','',1,NULL,NULL,'active',1,'2026-11-30T11:50:54Z','2026-11-30T11:50:54Z');
CREATE TABLE stakeholder (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) > 0),
  name_key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL DEFAULT 'group'
    CHECK (kind IN ('organisation', 'group', 'person')),
  category TEXT NOT NULL DEFAULT '',
  voice TEXT NOT NULL DEFAULT 'unknown' CHECK (voice IN ('vulnerable', 'critical', 'silent_majority', 'silent_middle', 'established', 'unknown')),
  contact TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE involvement (
  trajectory_id INTEGER NOT NULL REFERENCES trajectory(id) ON DELETE CASCADE,
  stakeholder_id INTEGER NOT NULL REFERENCES stakeholder(id),
  impact INTEGER NOT NULL DEFAULT 0 CHECK (impact BETWEEN 0 AND 3),
  influence INTEGER NOT NULL DEFAULT 0 CHECK (influence BETWEEN 0 AND 3),
  represented_by TEXT NOT NULL DEFAULT 'none'
    CHECK (represented_by IN ('employers', 'employees', 'crown', 'advisory', 'none')),
  reason TEXT NOT NULL DEFAULT '',
  first_heard INTEGER REFERENCES phase(id),
  version INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (trajectory_id, stakeholder_id)
) WITHOUT ROWID;
CREATE TABLE session (
  id INTEGER PRIMARY KEY,
  trajectory_id INTEGER NOT NULL REFERENCES trajectory(id) ON DELETE CASCADE,
  ref TEXT NOT NULL CHECK (length(ref) > 0),
  form_id INTEGER NOT NULL REFERENCES form(id),
  phase_id INTEGER NOT NULL REFERENCES phase(id),
  title TEXT NOT NULL DEFAULT '',
  date TEXT CHECK (date IS NULL OR (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(date) = date)),
  location TEXT NOT NULL DEFAULT '',
  participants INTEGER CHECK (participants >= 0),
  status TEXT NOT NULL DEFAULT 'planned'
    CHECK (status IN ('planned', 'held', 'cancelled')),
  findings TEXT NOT NULL DEFAULT '',
  feedback_date TEXT CHECK (feedback_date IS NULL OR (feedback_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(feedback_date) = feedback_date)),
  version INTEGER NOT NULL DEFAULT 1,
  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  UNIQUE (trajectory_id, ref),
  UNIQUE (trajectory_id, id)
);
CREATE TABLE attendance (
  session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
  stakeholder_id INTEGER NOT NULL REFERENCES stakeholder(id),
  role TEXT NOT NULL DEFAULT 'participant'
    CHECK (role IN ('participant', 'speaker', 'listener')),
  people INTEGER NOT NULL DEFAULT 1 CHECK (people >= 1),
  PRIMARY KEY (session_id, stakeholder_id)
) WITHOUT ROWID;
CREATE TABLE dimension (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64)
);
CREATE TABLE category (
  id INTEGER PRIMARY KEY,
  dimension_id INTEGER NOT NULL REFERENCES dimension(id),
  name TEXT NOT NULL CHECK (length(name) > 0),
  UNIQUE (dimension_id, name)
);
CREATE TABLE participant (
  session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  profile BLOB NOT NULL CHECK (length(profile) % 4 = 0),
  PRIMARY KEY (session_id, seq)
) WITHOUT ROWID;
CREATE TABLE benchmark (
  trajectory_id INTEGER NOT NULL REFERENCES trajectory(id) ON DELETE CASCADE,
  category_id INTEGER NOT NULL REFERENCES category(id),
  share REAL NOT NULL CHECK (share >= 0 AND share <= 1),
  PRIMARY KEY (trajectory_id, category_id)
) WITHOUT ROWID;
CREATE TABLE member (
  id INTEGER PRIMARY KEY,
  trajectory_id INTEGER NOT NULL REFERENCES trajectory(id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (length(name) > 0),
  name_key TEXT NOT NULL,
  delegation TEXT NOT NULL CHECK (delegation IN ('employers', 'employees', 'crown', 'advisory', 'none')),
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (trajectory_id, name_key)
);
CREATE TABLE input (
  id INTEGER PRIMARY KEY,
  trajectory_id INTEGER NOT NULL REFERENCES trajectory(id) ON DELETE CASCADE,
  session_id INTEGER NOT NULL,
  summary TEXT NOT NULL CHECK (length(summary) > 0),
  disposition TEXT NOT NULL DEFAULT 'open'
    CHECK (disposition IN ('open', 'adopted', 'partly', 'rejected')),
  reason TEXT NOT NULL DEFAULT '',
  reported_date TEXT CHECK (reported_date IS NULL OR (reported_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(reported_date) = reported_date)),
  version INTEGER NOT NULL DEFAULT 1,
  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  UNIQUE (trajectory_id, summary),
  FOREIGN KEY (trajectory_id, session_id) REFERENCES session(trajectory_id, id)
);
CREATE TABLE change_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  who TEXT NOT NULL,
  trajectory TEXT,
  action TEXT NOT NULL,
  subject TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT ''
);
INSERT INTO change_log VALUES(1,'2026-11-30T11:50:54Z','root',NULL,'catalogue.load','','5 phases, 11 forms');
INSERT INTO change_log VALUES(2,'2026-11-30T11:50:54Z','root','OLD','trajectory.add','OLD','Oud');
CREATE INDEX stakeholder_voice ON stakeholder(voice, name_key);
CREATE INDEX stakeholder_category ON stakeholder(category, name_key);
CREATE INDEX involvement_stakeholder ON involvement(stakeholder_id);
CREATE INDEX involvement_impact ON involvement(trajectory_id, impact);
CREATE INDEX involvement_heard ON involvement(trajectory_id, first_heard);
CREATE INDEX session_date ON session(trajectory_id, date);
CREATE INDEX session_form ON session(form_id);
CREATE INDEX session_phase ON session(phase_id);
CREATE INDEX attendance_stakeholder ON attendance(stakeholder_id);
CREATE INDEX input_session ON input(session_id);
CREATE INDEX change_log_trajectory ON change_log(trajectory, id);
CREATE VIEW hearing AS
  SELECT s.trajectory_id, a.stakeholder_id, s.id AS session_id,
         s.form_id, s.phase_id, p.position AS phase_position
  FROM attendance a
  JOIN session s ON s.id = a.session_id
  JOIN phase p ON p.id = s.phase_id
  WHERE s.status = 'held' AND a.role <> 'listener';
CREATE TRIGGER involvement_heard_new AFTER INSERT ON involvement BEGIN
  UPDATE involvement SET first_heard = (SELECT phase_id FROM hearing h WHERE h.trajectory_id = NEW.trajectory_id AND h.stakeholder_id = NEW.stakeholder_id ORDER BY phase_position LIMIT 1)
  WHERE trajectory_id = NEW.trajectory_id AND stakeholder_id = NEW.stakeholder_id;
END;
CREATE TRIGGER attendance_heard_insert AFTER INSERT ON attendance BEGIN
  UPDATE involvement SET first_heard = (SELECT phase_id FROM hearing h WHERE h.trajectory_id = involvement.trajectory_id AND h.stakeholder_id = involvement.stakeholder_id ORDER BY phase_position LIMIT 1)
  WHERE stakeholder_id = NEW.stakeholder_id;
END;
CREATE TRIGGER attendance_heard_delete AFTER DELETE ON attendance BEGIN
  UPDATE involvement SET first_heard = (SELECT phase_id FROM hearing h WHERE h.trajectory_id = involvement.trajectory_id AND h.stakeholder_id = involvement.stakeholder_id ORDER BY phase_position LIMIT 1)
  WHERE stakeholder_id = OLD.stakeholder_id;
END;
CREATE TRIGGER attendance_heard_update AFTER UPDATE ON attendance BEGIN
  UPDATE involvement SET first_heard = (SELECT phase_id FROM hearing h WHERE h.trajectory_id = involvement.trajectory_id AND h.stakeholder_id = involvement.stakeholder_id ORDER BY phase_position LIMIT 1)
  WHERE stakeholder_id = OLD.stakeholder_id;
  UPDATE involvement SET first_heard = (SELECT phase_id FROM hearing h WHERE h.trajectory_id = involvement.trajectory_id AND h.stakeholder_id = involvement.stakeholder_id ORDER BY phase_position LIMIT 1)
  WHERE stakeholder_id = NEW.stakeholder_id;
END;
CREATE TRIGGER session_heard AFTER UPDATE OF status, phase_id ON session BEGIN
  UPDATE involvement SET first_heard = (SELECT phase_id FROM hearing h WHERE h.trajectory_id = involvement.trajectory_id AND h.stakeholder_id = involvement.stakeholder_id ORDER BY phase_position LIMIT 1)
  WHERE trajectory_id = NEW.trajectory_id
    AND stakeholder_id IN (SELECT stakeholder_id FROM attendance WHERE session_id = NEW.id);
END;
CREATE INDEX involvement_influence ON involvement(trajectory_id, influence);
CREATE INDEX involvement_delegation ON involvement(trajectory_id, represented_by);
CREATE INDEX session_log ON session(trajectory_id, ifnull(date, ''));
CREATE INDEX input_answered ON input(trajectory_id,
  (disposition <> 'open' AND reported_date IS NOT NULL), session_id);
COMMIT;
