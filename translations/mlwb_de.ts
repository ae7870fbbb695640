<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ContainerEngine</name>
    <message>
        <source>podman is not installed</source>
        <translation>podman ist nicht installiert</translation>
    </message>
    <message>
        <source>docker is not installed</source>
        <translation>docker ist nicht installiert</translation>
    </message>
    <message>
        <source>%1: cannot write %2</source>
        <translation>%1: %2 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 does not answer (%2)</source>
        <translation>%1 antwortet nicht (%2)</translation>
    </message>
    <message>
        <source>%1 cannot load the image (%2)</source>
        <translation>%1 kann das Image nicht laden (%2)</translation>
    </message>
    <message>
        <source>%1 cannot run a container here (%2)</source>
        <translation>%1 kann hier keinen Container ausführen (%2)</translation>
    </message>
    <message>
        <source>run as a container with %1, which runs containers here</source>
        <translation>als Container mit %1 ausgeführt, das hier Container ausführt</translation>
    </message>
    <message>
        <source>run as a container with %1 (%2)</source>
        <translation>als Container mit %1 ausgeführt (%2)</translation>
    </message>
</context>
<context>
    <name>DeployTask</name>
    <message>
        <source>Deploy %1</source>
        <translation>%1 bereitstellen</translation>
    </message>
    <message>
        <source>%1 is healthy at %2</source>
        <translation>%1 ist unter %2 fehlerfrei</translation>
    </message>
    <message>
        <source>%1 is %2: %3</source>
        <translation>%1 ist %2: %3</translation>
    </message>
</context>
<context>
    <name>Deployer</name>
    <message>
        <source>The environment asks for Python &apos;%1&apos;, which is not on this computer.</source>
        <translation>Die Umgebung verlangt Python „%1“, das auf diesem Computer nicht vorhanden ist.</translation>
    </message>
    <message>
        <source>Port %1 on 127.0.0.1 cannot be used: %2</source>
        <translation>Port %1 auf 127.0.0.1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>Cannot write the scoring server to %1.</source>
        <translation>Der Bewertungsserver kann nicht nach %1 geschrieben werden.</translation>
    </message>
    <message>
        <source>served as a local process with its own Python: it has models and a scoring script, no image, so no container engine is needed</source>
        <translation>als lokaler Prozess mit eigenem Python bereitgestellt: Er hat Modelle und ein Bewertungsskript, aber kein Image, daher wird keine Container-Engine benötigt</translation>
    </message>
    <message>
        <source>The scoring script %1 is not a readable file.</source>
        <translation>Das Bewertungsskript %1 ist keine lesbare Datei.</translation>
    </message>
    <message>
        <source>Cannot create the deployment folder %1.</source>
        <translation>Der Bereitstellungsordner %1 kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Cannot copy the scoring script to %1.</source>
        <translation>Das Bewertungsskript kann nicht nach %1 kopiert werden.</translation>
    </message>
    <message>
        <source>Cannot find the mlwb program to supervise the deployment.</source>
        <translation>Das Programm mlwb zur Überwachung der Bereitstellung wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>Could not start the deployment&apos;s supervisor (%1): %2</source>
        <translation>Der Überwachungsprozess der Bereitstellung konnte nicht gestartet werden (%1): %2</translation>
    </message>
    <message>
        <source>The deployment&apos;s supervisor did not stop %1 within %2 s.</source>
        <translation>Der Überwachungsprozess der Bereitstellung hat %1 nicht innerhalb von %2 s beendet.</translation>
    </message>
    <message>
        <source>the image&apos;s scoring script %1 is no longer on this computer to serve it as a process</source>
        <translation>das Bewertungsskript %1 des Images ist nicht mehr auf diesem Computer vorhanden, um es als Prozess bereitzustellen</translation>
    </message>
    <message>
        <source>A deployment named %1 already exists.</source>
        <translation>Eine Bereitstellung namens %1 existiert bereits.</translation>
    </message>
    <message>
        <source>served as a local process with its own Python, because no container engine runs containers here (%1)</source>
        <translation>als lokaler Prozess mit eigenem Python bereitgestellt, da hier keine Container-Engine Container ausführt (%1)</translation>
    </message>
    <message>
        <source>Cannot deploy %1: no container engine runs containers here (%2), and %3.</source>
        <translation>%1 kann nicht bereitgestellt werden: Hier führt keine Container-Engine Container aus (%2), und %3.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>%1 is %2: only a healthy, running deployment is updated in place. Start it first (mlwb service start %1).</source>
        <translation>%1 ist %2: Nur eine fehlerfrei laufende Bereitstellung wird direkt aktualisiert. Starten Sie sie zuerst (mlwb service start %1).</translation>
    </message>
    <message>
        <source>An update of %1 is already under way.</source>
        <translation>Eine Aktualisierung von %1 läuft bereits.</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>%1 kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>%1&apos;s supervisor did not finish the update within %2 s; see its log.</source>
        <translation>Der Überwachungsprozess von %1 hat die Aktualisierung nicht innerhalb von %2 s abgeschlossen; siehe sein Protokoll.</translation>
    </message>
    <message>
        <source>%1&apos;s supervisor stopped during the update.</source>
        <translation>Der Überwachungsprozess von %1 wurde während der Aktualisierung beendet.</translation>
    </message>
    <message>
        <source>served on the SSH VM %1 as a detached process with its Python (%2), reached through an SSH forward to this computer</source>
        <translation>auf der SSH-VM %1 als losgelöster Prozess mit deren Python (%2) bereitgestellt, erreichbar über eine SSH-Weiterleitung zu diesem Computer</translation>
    </message>
    <message>
        <source>Its files on the VM were left in %1: %2</source>
        <translation>Ihre Dateien auf der VM blieben in %1: %2</translation>
    </message>
    <message>
        <source>Cannot deploy %1:%2 to the SSH VM %3: %4.</source>
        <translation>%1:%2 kann nicht auf der SSH-VM %3 bereitgestellt werden: %4.</translation>
    </message>
    <message>
        <source>the image&apos;s models and scoring script, %1</source>
        <translation>die Modelle und das Bewertungsskript des Images, %1</translation>
    </message>
    <message>
        <source>Its keys were left in the desktop keychain: %1</source>
        <translation>Seine Schlüssel sind im Schlüsselbund der Arbeitsumgebung geblieben: %1</translation>
    </message>
</context>
<context>
    <name>DeploymentSupervisor</name>
    <message>
        <source>Could not start the scoring server: %1</source>
        <translation>Der Bewertungsserver konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>The scoring server did not start: its wrapper wrote no process group.</source>
        <translation>Der Bewertungsserver ist nicht gestartet: Sein Wrapper hat keine Prozessgruppe geschrieben.</translation>
    </message>
    <message>
        <source>init() failed; the deployment is Failed and is not restarted</source>
        <translation>init() ist fehlgeschlagen; die Bereitstellung ist Failed und wird nicht neu gestartet</translation>
    </message>
    <message>
        <source>The scoring script&apos;s init() failed; its traceback is in the log:
%1</source>
        <translation>init() des Bewertungsskripts ist fehlgeschlagen; der Traceback steht im Protokoll:
%1</translation>
    </message>
    <message>
        <source>exited with code %1</source>
        <translation>mit Code %1 beendet</translation>
    </message>
    <message>
        <source>was killed</source>
        <translation>wurde beendet (kill)</translation>
    </message>
    <message>
        <source>the scoring server %1; it crashed %2 times in a row, so it is not restarted</source>
        <translation>der Bewertungsserver %1; er ist %2-mal hintereinander abgestürzt und wird daher nicht neu gestartet</translation>
    </message>
    <message>
        <source>The scoring server crashed %1 times in a row (it %2). The last lines of its log:
%3</source>
        <translation>Der Bewertungsserver ist %1-mal hintereinander abgestürzt (er %2). Die letzten Zeilen seines Protokolls:
%3</translation>
    </message>
    <message>
        <source>The scoring server %1; restarting it in %2 s.</source>
        <translation>Der Bewertungsserver %1; Neustart in %2 s.</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>GET / failed %1 times in a row (%2). The last lines of its log:
%3</source>
        <translation>GET / ist %1-mal hintereinander fehlgeschlagen (%2). Die letzten Zeilen seines Protokolls:
%3</translation>
    </message>
    <message>
        <source>The scoring server did not answer GET / within %1 s (%2). The last lines of its log:
%3</source>
        <translation>Der Bewertungsserver hat nicht innerhalb von %1 s auf GET / geantwortet (%2). Die letzten Zeilen seines Protokolls:
%3</translation>
    </message>
    <message>
        <source>stopping the scoring server</source>
        <translation>Bewertungsserver wird beendet</translation>
    </message>
    <message>
        <source>stopping the container</source>
        <translation>Container wird beendet</translation>
    </message>
    <message>
        <source>No free port on 127.0.0.1 for the scoring server: %1</source>
        <translation>Kein freier Port auf 127.0.0.1 für den Bewertungsserver: %1</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>starting the container %1 on 127.0.0.1:%2 (the front listens on %3)</source>
        <translation>Container %1 wird auf 127.0.0.1:%2 gestartet (der Vorschaltprozess lauscht auf %3)</translation>
    </message>
    <message>
        <source>starting the scoring server on 127.0.0.1:%1 (the front listens on %2)</source>
        <translation>Bewertungsserver wird auf 127.0.0.1:%1 gestartet (der Vorschaltprozess lauscht auf %2)</translation>
    </message>
    <message>
        <source>Could not start the deployment&apos;s front (%1): %2</source>
        <translation>Der Vorschaltprozess der Bereitstellung konnte nicht gestartet werden (%1): %2</translation>
    </message>
    <message>
        <source>The deployment&apos;s front did not start: %1</source>
        <translation>Der Vorschaltprozess der Bereitstellung ist nicht gestartet: %1</translation>
    </message>
    <message>
        <source>The deployment&apos;s front refused port %1: %2</source>
        <translation>Der Vorschaltprozess der Bereitstellung hat Port %1 abgelehnt: %2</translation>
    </message>
    <message>
        <source>the deployment&apos;s front is gone (%1); starting it again</source>
        <translation>der Vorschaltprozess der Bereitstellung ist nicht mehr vorhanden (%1); er wird erneut gestartet</translation>
    </message>
    <message>
        <source>stopping a server left by an update that was cut off</source>
        <translation>ein von einer abgebrochenen Aktualisierung übrig gebliebener Server wird beendet</translation>
    </message>
    <message>
        <source>the update failed: %1</source>
        <translation>die Aktualisierung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1&apos;s server was started before updates without downtime were possible; restart it once (mlwb service stop, then start) and update again.</source>
        <translation>Der Server von %1 wurde gestartet, bevor Aktualisierungen ohne Ausfallzeit möglich waren; starten Sie ihn einmal neu (mlwb service stop, dann start) und aktualisieren Sie erneut.</translation>
    </message>
    <message>
        <source>The update request for %1 is incomplete.</source>
        <translation>Die Aktualisierungsanforderung für %1 ist unvollständig.</translation>
    </message>
    <message>
        <source>switched to the new server on 127.0.0.1:%1; stopping the old one once its requests are answered</source>
        <translation>auf den neuen Server auf 127.0.0.1:%1 umgeschaltet; der alte wird beendet, sobald seine Anfragen beantwortet sind</translation>
    </message>
    <message>
        <source>updated: the old server is stopped</source>
        <translation>aktualisiert: der alte Server ist beendet</translation>
    </message>
    <message>
        <source>updating %1: starting the new server beside the one serving</source>
        <translation>%1 wird aktualisiert: Der neue Server wird neben dem laufenden gestartet</translation>
    </message>
    <message>
        <source>%1 was stopped during the update.</source>
        <translation>%1 wurde während der Aktualisierung beendet.</translation>
    </message>
    <message>
        <source>the new scoring script&apos;s init() failed</source>
        <translation>init() des neuen Bewertungsskripts ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>the new scoring server exited with code %1</source>
        <translation>der neue Bewertungsserver wurde mit Code %1 beendet</translation>
    </message>
    <message>
        <source>%1; %2 keeps serving what it served. The new server&apos;s log:
%3</source>
        <translation>%1; %2 stellt weiterhin bereit, was bisher bereitgestellt wurde. Das Protokoll des neuen Servers:
%3</translation>
    </message>
    <message>
        <source>The new scoring server did not answer GET / within %1 s (%2); %3 keeps serving what it served. The new server&apos;s log:
%4</source>
        <translation>Der neue Bewertungsserver hat nicht innerhalb von %1 s auf GET / geantwortet (%2); %3 stellt weiterhin bereit, was bisher bereitgestellt wurde. Das Protokoll des neuen Servers:
%4</translation>
    </message>
    <message>
        <source>the scoring server runs on the VM %1; forwarded to 127.0.0.1:%2 (the front listens on %3)</source>
        <translation>der Bewertungsserver läuft auf der VM %1; weitergeleitet an 127.0.0.1:%2 (der Vorschaltprozess lauscht auf %3)</translation>
    </message>
    <message>
        <source>stopping the scoring server on the VM</source>
        <translation>Bewertungsserver auf der VM wird beendet</translation>
    </message>
    <message>
        <source>The SSH link to %1 was lost; the server on the VM keeps running meanwhile.</source>
        <translation>Die SSH-Verbindung zu %1 ist abgerissen; der Server auf der VM läuft solange weiter.</translation>
    </message>
    <message>
        <source>%1 Reconnecting in %2 s.</source>
        <translation>%1 Neue Verbindung in %2 s.</translation>
    </message>
</context>
<context>
    <name>DiskFullWait</name>
    <message>
        <source>no space left</source>
        <translation>kein Speicherplatz mehr frei</translation>
    </message>
    <message>
        <source>waiting: disk full on %1 since %2. The run goes on; its metrics are kept and stored as soon as there is space.</source>
        <translation>wartet: Datenträger %1 ist seit %2 voll. Der Lauf geht weiter; seine Metriken werden aufbewahrt und gespeichert, sobald wieder Platz frei ist.</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
</context>
<context>
    <name>EndpointDeployer</name>
    <message>
        <source>%1 is not a port: use 1 to 65535, or 0 for a free one.</source>
        <translation>%1 ist kein Port: Verwenden Sie 1 bis 65535 oder 0 für einen freien Port.</translation>
    </message>
    <message>
        <source>Port %1 on 127.0.0.1 cannot be used: %2</source>
        <translation>Port %1 auf 127.0.0.1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>The split of %1 is stored, but its proxy did not take it within %2 s; see %3.</source>
        <translation>Die Aufteilung von %1 ist gespeichert, aber der Proxy des Endpunkts hat sie nicht innerhalb von %2 s übernommen; siehe %3.</translation>
    </message>
</context>
<context>
    <name>HostKeys</name>
    <message>
        <source>No host key could be read from %1:%2.</source>
        <translation>Von %1:%2 konnte kein Host-Schlüssel gelesen werden.</translation>
    </message>
    <message>
        <source>ssh-keygen did not answer.</source>
        <translation>ssh-keygen hat nicht geantwortet.</translation>
    </message>
    <message>
        <source>The host keys of %1:%2 could not be read.</source>
        <translation>Die Host-Schlüssel von %1:%2 konnten nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>ItemProperties</name>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Elemente</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation>Schemaversion</translation>
    </message>
    <message>
        <source>Not open (double-click to open)</source>
        <translation>Nicht geöffnet (zum Öffnen doppelklicken)</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Fehlt</translation>
    </message>
    <message>
        <source>This compute target no longer exists.</source>
        <translation>Dieses Rechenziel existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Max concurrent runs</source>
        <translation>Max. gleichzeitige Läufe</translation>
    </message>
    <message>
        <source>one per core</source>
        <translation>einer pro Kern</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Config: %1</source>
        <translation>Konfiguration: %1</translation>
    </message>
    <message>
        <source>This datastore no longer exists.</source>
        <translation>Dieser Datenspeicher existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>This experiment no longer exists.</source>
        <translation>Dieses Experiment existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>This run no longer exists.</source>
        <translation>Dieser Lauf existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Run id</source>
        <translation>Lauf-ID</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>Experiment</translation>
    </message>
    <message>
        <source>Parent run</source>
        <translation>Übergeordneter Lauf</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Compute target</source>
        <translation>Rechenziel</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>Skript</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Argumente</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation>Exit-Code</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>Snapshot</translation>
    </message>
    <message>
        <source>Property: %1</source>
        <translation>Eigenschaft: %1</translation>
    </message>
    <message>
        <source>This model no longer exists.</source>
        <translation>Dieses Modell existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Latest version</source>
        <translation>Neueste Version</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Framework</source>
        <translation>Framework</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Content sha256</source>
        <translation>Inhalt (SHA-256)</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>This model version no longer exists.</source>
        <translation>Diese Modellversion existiert nicht mehr.</translation>
    </message>
    <message>
        <source>This environment no longer exists.</source>
        <translation>Diese Umgebung existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Version id</source>
        <translation>Versions-ID</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source>Base image</source>
        <translation>Basis-Image</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>Pakete</translation>
    </message>
    <message>
        <source>Version created</source>
        <translation>Version erstellt</translation>
    </message>
    <message>
        <source>This image no longer exists.</source>
        <translation>Dieses Image existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Digest</translation>
    </message>
    <message>
        <source>Model versions</source>
        <translation>Modellversionen</translation>
    </message>
    <message>
        <source>This deployment no longer exists.</source>
        <translation>Diese Bereitstellung existiert nicht mehr.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>This pipeline no longer exists.</source>
        <translation>Diese Pipeline existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation>Hängt ab von</translation>
    </message>
    <message>
        <source>This pipeline step no longer exists.</source>
        <translation>Dieser Pipeline-Schritt existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>state of a workspace: it is open</comment>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Begrenzung</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>This endpoint no longer exists.</source>
        <translation>Dieser Endpunkt existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Datenverkehr</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <source>keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
</context>
<context>
    <name>LocalBackend</name>
    <message>
        <source>Could not start the run: %1</source>
        <translation>Der Lauf konnte nicht gestartet werden: %1</translation>
    </message>
</context>
<context>
    <name>MetricTail</name>
    <message>
        <source>line is longer than %1 bytes</source>
        <translation>Zeile ist länger als %1 Bytes</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>eine benannte Pipe (FIFO)</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>ein Ordner</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>ein Socket</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>ein Gerät</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>keine reguläre Datei</translation>
    </message>
    <message>
        <source>%1… [cut; the line has %2 bytes]</source>
        <translation>%1… [gekürzt; die Zeile hat %2 Bytes]</translation>
    </message>
    <message>
        <source>It is tried again while the run goes on.</source>
        <translation>Es wird erneut versucht, solange der Lauf andauert.</translation>
    </message>
    <message>
        <source>%1 is %2, not a regular file, so it is not read. Log metrics to a regular file.</source>
        <translation>%1 ist %2 und keine reguläre Datei und wird daher nicht gelesen. Protokollieren Sie Metriken in eine reguläre Datei.</translation>
    </message>
    <message>
        <source>%1 was removed after %2 bytes of it were read; a new one will be read from its start.</source>
        <translation>%1 wurde entfernt, nachdem %2 Bytes davon gelesen wurden; eine neue Datei wird von ihrem Anfang an gelesen.</translation>
    </message>
    <message>
        <source>It is read again from its start.</source>
        <translation>Die Datei wird erneut von Anfang an gelesen.</translation>
    </message>
    <message>
        <source>%1 was replaced by a new file after %2 bytes of the old one were read.</source>
        <translation>%1 wurde durch eine neue Datei ersetzt, nachdem %2 Bytes der alten gelesen wurden.</translation>
    </message>
    <message>
        <source>%1 was truncated to %2 bytes after %3 bytes of it were read.</source>
        <translation>%1 wurde auf %2 Bytes gekürzt, nachdem %3 Bytes davon gelesen wurden.</translation>
    </message>
    <message>
        <source>%1 was rewritten after %2 bytes of it were read.</source>
        <translation>%1 wurde neu geschrieben, nachdem %2 Bytes davon gelesen wurden.</translation>
    </message>
    <message>
        <source>malformed line</source>
        <translation>fehlerhafte Zeile</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>&apos;%1&apos; is not a valid target name: use 1 to 64 letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;, starting with a letter or digit.</source>
        <translation>„%1“ ist kein gültiger Zielname: Verwenden Sie 1 bis 64 Buchstaben, Ziffern, „-“, „_“ oder „.“, beginnend mit einem Buchstaben oder einer Ziffer.</translation>
    </message>
    <message>
        <source>There is no compute target named &apos;%1&apos;.</source>
        <translation>Es gibt kein Rechenziel namens „%1“.</translation>
    </message>
    <message>
        <source>A compute target named &apos;%1&apos; already exists.</source>
        <translation>Ein Rechenziel namens „%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>The built-in &apos;local&apos; target cannot be detached.</source>
        <translation>Das eingebaute Ziel „local“ kann nicht getrennt werden.</translation>
    </message>
    <message numerus="yes">
        <source>&apos;%1&apos; has %n unfinished run(s); cancel them first.</source>
        <translation>
            <numerusform>„%1“ hat %n nicht abgeschlossenen Lauf; brechen Sie ihn zuerst ab.</numerusform>
            <numerusform>„%1“ hat %n nicht abgeschlossene Läufe; brechen Sie diese zuerst ab.</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no datastore named &apos;%1&apos;.</source>
        <translation>Es gibt keinen Datenspeicher namens „%1“.</translation>
    </message>
    <message>
        <source>A datastore needs a name.</source>
        <translation>Ein Datenspeicher benötigt einen Namen.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Der Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Could not add the datastore &apos;%1&apos; (is the name taken?).</source>
        <translation>Der Datenspeicher „%1“ konnte nicht hinzugefügt werden (ist der Name bereits vergeben?).</translation>
    </message>
    <message>
        <source>The default datastore cannot be removed.</source>
        <translation>Der Standard-Datenspeicher kann nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid deployment name: use 1 to 64 letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;, starting with a letter or digit.</source>
        <translation>„%1“ ist kein gültiger Bereitstellungsname: Verwenden Sie 1 bis 64 Buchstaben, Ziffern, „-“, „_“ oder „.“, beginnend mit einem Buchstaben oder einer Ziffer.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a deployment status: use %2.</source>
        <translation>„%1“ ist kein Bereitstellungsstatus: Verwenden Sie %2.</translation>
    </message>
    <message>
        <source>There is no deployment named &apos;%1&apos;.</source>
        <translation>Es gibt keine Bereitstellung namens „%1“.</translation>
    </message>
    <message>
        <source>A deployment named &apos;%1&apos; already exists.</source>
        <translation>Eine Bereitstellung namens „%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>There is no image with id %1.</source>
        <translation>Es gibt kein Image mit der ID %1.</translation>
    </message>
    <message>
        <source>There is no deployment with id %1.</source>
        <translation>Es gibt keine Bereitstellung mit der ID %1.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid environment name: use 1 to 255 letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;, starting with a letter or digit.</source>
        <translation>„%1“ ist kein gültiger Umgebungsname: Verwenden Sie 1 bis 255 Buchstaben, Ziffern, „-“, „_“ oder „.“, beginnend mit einem Buchstaben oder einer Ziffer.</translation>
    </message>
    <message>
        <source>There is no environment named &apos;%1&apos;.</source>
        <translation>Es gibt keine Umgebung namens „%1“.</translation>
    </message>
    <message>
        <source>%1 is not an environment version number.</source>
        <translation>%1 ist keine Versionsnummer einer Umgebung.</translation>
    </message>
    <message>
        <source>Environment &apos;%1&apos; has no versions.</source>
        <translation>Die Umgebung „%1“ hat keine Versionen.</translation>
    </message>
    <message>
        <source>Environment &apos;%1&apos; has no version %2.</source>
        <translation>Die Umgebung „%1“ hat keine Version %2.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid experiment name: use up to 255 letters, digits, spaces, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;.</source>
        <translation>„%1“ ist kein gültiger Experimentname: Verwenden Sie bis zu 255 Buchstaben, Ziffern, Leerzeichen, „-“, „_“ oder „.“.</translation>
    </message>
    <message>
        <source>There is no experiment named &apos;%1&apos;.</source>
        <translation>Es gibt kein Experiment namens „%1“.</translation>
    </message>
    <message>
        <source>An experiment named &apos;%1&apos; already exists.</source>
        <translation>Ein Experiment namens „%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has unfinished runs; cancel them first.</source>
        <translation>„%1“ hat nicht abgeschlossene Läufe; brechen Sie diese zuerst ab.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid image name: use lowercase letters and digits, separated by &apos;.&apos;, &apos;_&apos;, &apos;-&apos; or &apos;/&apos;.</source>
        <translation>„%1“ ist kein gültiger Image-Name: Verwenden Sie Kleinbuchstaben und Ziffern, getrennt durch „.“, „_“, „-“ oder „/“.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid image tag: use 1 to 128 letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;, not starting with &apos;.&apos; or &apos;-&apos;.</source>
        <translation>„%1“ ist kein gültiger Image-Tag: Verwenden Sie 1 bis 128 Buchstaben, Ziffern, „_“, „.“ oder „-“, nicht beginnend mit „.“ oder „-“.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an image status: use Building, Succeeded or Failed.</source>
        <translation>„%1“ ist kein Image-Status: Verwenden Sie Building, Succeeded oder Failed.</translation>
    </message>
    <message>
        <source>There is no image named &apos;%1&apos;.</source>
        <translation>Es gibt kein Image namens „%1“.</translation>
    </message>
    <message>
        <source>An image&apos;s size cannot be negative.</source>
        <translation>Die Größe eines Images kann nicht negativ sein.</translation>
    </message>
    <message>
        <source>An image named &apos;%1&apos; already exists.</source>
        <translation>Ein Image namens „%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>There is no environment version with id %1.</source>
        <translation>Es gibt keine Umgebungsversion mit der ID %1.</translation>
    </message>
    <message>
        <source>There is no model version with id %1.</source>
        <translation>Es gibt keine Modellversion mit der ID %1.</translation>
    </message>
    <message>
        <source>Image &apos;%1&apos; is used by deployment &apos;%2&apos;; delete the deployment first.</source>
        <translation>Das Image „%1“ wird von der Bereitstellung „%2“ verwendet; löschen Sie zuerst die Bereitstellung.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Storing metrics failed: %1</source>
        <translation>Speichern der Metriken fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The workspace connection is not SQLite.</source>
        <translation>Die Verbindung zum Arbeitsbereich ist keine SQLite-Verbindung.</translation>
    </message>
    <message>
        <source>Run %1 is not in the workspace.</source>
        <translation>Lauf %1 ist nicht im Arbeitsbereich.</translation>
    </message>
    <message>
        <source>A status line may only end a child run (Completed, Failed or Canceled).</source>
        <translation>Eine Statuszeile darf nur einen untergeordneten Lauf beenden (Completed, Failed oder Canceled).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; holds numbers; a %2 value was logged under the same name and kept here.</source>
        <translation>„%1“ enthält Zahlen; ein %2-Wert wurde unter demselben Namen protokolliert und hier aufbewahrt.</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>The run has no metric named &apos;%1&apos;.</source>
        <translation>Der Lauf hat keine Metrik namens „%1“.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid model name: use 1 to 255 letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;, starting with a letter or digit.</source>
        <translation>„%1“ ist kein gültiger Modellname: Verwenden Sie 1 bis 255 Buchstaben, Ziffern, „-“, „_“ oder „.“, beginnend mit einem Buchstaben oder einer Ziffer.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a SHA-256 digest (64 lowercase hexadecimal digits).</source>
        <translation>„%1“ ist kein SHA-256-Digest (64 hexadezimale Ziffern in Kleinschreibung).</translation>
    </message>
    <message>
        <source>There is no model named &apos;%1&apos;.</source>
        <translation>Es gibt kein Modell namens „%1“.</translation>
    </message>
    <message>
        <source>%1 is not a model version number.</source>
        <translation>%1 ist keine Versionsnummer eines Modells.</translation>
    </message>
    <message>
        <source>Model &apos;%1&apos; has no versions.</source>
        <translation>Das Modell „%1“ hat keine Versionen.</translation>
    </message>
    <message>
        <source>Model &apos;%1&apos; has no version %2.</source>
        <translation>Das Modell „%1“ hat keine Version %2.</translation>
    </message>
    <message>
        <source>A model&apos;s size cannot be negative.</source>
        <translation>Die Größe eines Modells kann nicht negativ sein.</translation>
    </message>
    <message>
        <source>There is no run with id %1.</source>
        <translation>Es gibt keinen Lauf mit der ID %1.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid pipeline name: use up to 255 letters, digits, spaces, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;.</source>
        <translation>„%1“ ist kein gültiger Pipeline-Name: Verwenden Sie bis zu 255 Buchstaben, Ziffern, Leerzeichen, „-“, „_“ oder „.“.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid step name: use up to 255 letters, digits, spaces, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;.</source>
        <translation>„%1“ ist kein gültiger Schrittname: Verwenden Sie bis zu 255 Buchstaben, Ziffern, Leerzeichen, „-“, „_“ oder „.“.</translation>
    </message>
    <message>
        <source>Pipeline &apos;%1&apos; has no steps.</source>
        <translation>Die Pipeline „%1“ hat keine Schritte.</translation>
    </message>
    <message>
        <source>Pipeline &apos;%1&apos; has two steps named &apos;%2&apos;.</source>
        <translation>Die Pipeline „%1“ hat zwei Schritte namens „%2“.</translation>
    </message>
    <message>
        <source>Step &apos;%1&apos; of pipeline &apos;%2&apos; has no script.</source>
        <translation>Der Schritt „%1“ der Pipeline „%2“ hat kein Skript.</translation>
    </message>
    <message>
        <source>Step &apos;%1&apos; depends on &apos;%2&apos;, which is not a step of pipeline &apos;%3&apos;.</source>
        <translation>Der Schritt „%1“ hängt von „%2“ ab, das kein Schritt der Pipeline „%3“ ist.</translation>
    </message>
    <message>
        <source>The steps of pipeline &apos;%1&apos; depend on each other in a cycle: %2.</source>
        <translation>Die Schritte der Pipeline „%1“ hängen zyklisch voneinander ab: %2.</translation>
    </message>
    <message>
        <source>There is no pipeline named &apos;%1&apos;.</source>
        <translation>Es gibt keine Pipeline namens „%1“.</translation>
    </message>
    <message>
        <source>A pipeline named &apos;%1&apos; already exists.</source>
        <translation>Eine Pipeline namens „%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>Step &apos;%1&apos; runs on compute target %2, which does not exist.</source>
        <translation>Der Schritt „%1“ läuft auf dem Rechenziel %2, das nicht existiert.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; matches more than one run; give more of the run id.</source>
        <translation>„%1“ passt auf mehr als einen Lauf; geben Sie mehr von der Lauf-ID an.</translation>
    </message>
    <message>
        <source>There is no run &apos;%1&apos;.</source>
        <translation>Es gibt keinen Lauf „%1“.</translation>
    </message>
    <message>
        <source>A tag or property needs a key.</source>
        <translation>Ein Tag oder eine Eigenschaft benötigt einen Schlüssel.</translation>
    </message>
    <message>
        <source>There is no saved view named &apos;%1&apos;.</source>
        <translation>Es gibt keine gespeicherte Ansicht namens „%1“.</translation>
    </message>
    <message>
        <source>A saved view needs a name.</source>
        <translation>Eine gespeicherte Ansicht benötigt einen Namen.</translation>
    </message>
    <message>
        <source>Upgrading the workspace to schema %1 failed: %2</source>
        <translation>Aktualisieren des Arbeitsbereichs auf Schema %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The workspace database is not open.</source>
        <translation>Die Datenbank des Arbeitsbereichs ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>Reading metric points failed: %1</source>
        <translation>Lesen der Metrikpunkte fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The workspace is busy in another program (%1)</source>
        <translation>Der Arbeitsbereich wird gerade von einem anderen Programm verwendet (%1)</translation>
    </message>
    <message>
        <source>A task needs a kind.</source>
        <translation>Eine Aufgabe benötigt eine Art.</translation>
    </message>
    <message>
        <source>A task needs a title.</source>
        <translation>Eine Aufgabe benötigt einen Titel.</translation>
    </message>
    <message>
        <source>Task %1 has already finished.</source>
        <translation>Aufgabe %1 ist bereits beendet.</translation>
    </message>
    <message>
        <source>A task finishes as Succeeded, Failed or Canceled, not %1.</source>
        <translation>Eine Aufgabe endet als Succeeded, Failed oder Canceled, nicht als %1.</translation>
    </message>
    <message>
        <source>There is no task with id %1.</source>
        <translation>Es gibt keine Aufgabe mit der ID %1.</translation>
    </message>
    <message>
        <source>The age of tasks to prune cannot be negative.</source>
        <translation>Das Alter der zu bereinigenden Aufgaben kann nicht negativ sein.</translation>
    </message>
    <message>
        <source>Compute targets</source>
        <translation>Rechenziele</translation>
    </message>
    <message>
        <source>Datastores</source>
        <translation>Datenspeicher</translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>Experimente</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Environments</source>
        <translation>Umgebungen</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>Deployments</source>
        <translation>Bereitstellungen</translation>
    </message>
    <message>
        <source>Pipelines</source>
        <translation>Pipelines</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Could not count the workspace&apos;s items.</source>
        <translation>Die Elemente des Arbeitsbereichs konnten nicht gezählt werden.</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <source>SSH: %1</source>
        <translation>SSH: %1</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>%1
%2, created %3</source>
        <translation>%1
%2, erstellt %3</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>%1 is an SQLite database, but not an ML Workbench workspace; it was left untouched.</source>
        <translation>%1 ist eine SQLite-Datenbank, aber kein ML-Workbench-Arbeitsbereich; sie wurde nicht verändert.</translation>
    </message>
    <message>
        <source>This workspace was written by a newer ML Workbench (schema %1; this version understands up to %2). Update ML Workbench to open it.</source>
        <translation>Dieser Arbeitsbereich wurde von einer neueren ML Workbench geschrieben (Schema %1; diese Version versteht bis %2). Aktualisieren Sie ML Workbench, um ihn zu öffnen.</translation>
    </message>
    <message>
        <source>%1 already holds a workspace.</source>
        <translation>%1 enthält bereits einen Arbeitsbereich.</translation>
    </message>
    <message>
        <source>%1 is not empty; a new workspace needs an empty or new folder.</source>
        <translation>%1 ist nicht leer; ein neuer Arbeitsbereich benötigt einen leeren oder neuen Ordner.</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>Der Ordner %1 konnte nicht erstellt werden.</translation>
    </message>
    <message>
        <source>There is no workspace at %1: the folder does not exist.</source>
        <translation>In %1 gibt es keinen Arbeitsbereich: Der Ordner existiert nicht.</translation>
    </message>
    <message>
        <source>%1 is not an ML Workbench workspace (it has no %2).</source>
        <translation>%1 ist kein ML-Workbench-Arbeitsbereich (%2 fehlt).</translation>
    </message>
    <message>
        <source>The Qt SQLite driver is missing (install libqt6sql6-sqlite).</source>
        <translation>Der Qt-SQLite-Treiber fehlt (installieren Sie libqt6sql6-sqlite).</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>%1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is damaged (%2); it will be rewritten.</source>
        <translation>%1 ist beschädigt (%2); die Datei wird neu geschrieben.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The workspace list is locked by another program.</source>
        <translation>Die Liste der Arbeitsbereiche ist von einem anderen Programm gesperrt.</translation>
    </message>
    <message>
        <source>Metric series %1 has a damaged block of points; run &apos;mlwb workspace check&apos;.</source>
        <translation>Die Metrikreihe %1 hat einen beschädigten Punktblock; führen Sie „mlwb workspace check“ aus.</translation>
    </message>
    <message>
        <source>Metric series %1 holds %2 stored points but its count says %3; run &apos;mlwb workspace check&apos;.</source>
        <translation>Die Metrikreihe %1 enthält %2 gespeicherte Punkte, laut ihrer Anzahl aber %3; führen Sie „mlwb workspace check“ aus.</translation>
    </message>
    <message>
        <source>Metric point %1 of series %2 is out of order.</source>
        <translation>Der Metrikpunkt %1 der Metrikreihe %2 steht nicht in der richtigen Reihenfolge.</translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n läuft</numerusform>
            <numerusform>%n laufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued</source>
        <translation>
            <numerusform>%n in Warteschlange</numerusform>
            <numerusform>%n in Warteschlange</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot store %1 in the workspace.</source>
        <translation>%1 kann nicht im Arbeitsbereich gespeichert werden.</translation>
    </message>
    <message>
        <source>Cannot create the model store in %1.</source>
        <translation>Der Modellspeicher in %1 kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Cannot write in %1: %2</source>
        <translation>In %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The workspace is missing stored file %1.</source>
        <translation>Im Arbeitsbereich fehlt die gespeicherte Datei %1.</translation>
    </message>
    <message>
        <source>Stored file %1 is damaged.</source>
        <translation>Die gespeicherte Datei %1 ist beschädigt.</translation>
    </message>
    <message>
        <source>Cannot remove stored file %1.</source>
        <translation>Die gespeicherte Datei %1 kann nicht entfernt werden.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 holds no files.</source>
        <translation>%1 enthält keine Dateien.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not under the run&apos;s outputs/: use --path outputs/FILE_OR_FOLDER.</source>
        <translation>„%1“ liegt nicht unter outputs/ des Laufs: Verwenden Sie --path outputs/FILE_OR_FOLDER.</translation>
    </message>
    <message>
        <source>Run %1 is still %2 and %3 is still open; register it when the run has finished or the file is closed.</source>
        <translation>Lauf %1 hat noch den Status %2, und %3 ist noch geöffnet; registrieren Sie das Modell, wenn der Lauf beendet oder die Datei geschlossen ist.</translation>
    </message>
    <message>
        <source>Stored model files were removed while registering.</source>
        <translation>Gespeicherte Modelldateien wurden während der Registrierung entfernt.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a framework the registry knows: use %2.</source>
        <translation>„%1“ ist kein Framework, das die Modellregistrierung kennt: Verwenden Sie %2.</translation>
    </message>
    <message>
        <source>Cannot create the folder for %1.</source>
        <translation>Der Ordner für %1 kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>The model manifest is damaged.</source>
        <translation>Das Modellmanifest ist beschädigt.</translation>
    </message>
    <message>
        <source>%1 is damaged: SQLite&apos;s integrity check says &quot;%2&quot;. It was left untouched; restore the workspace folder from a copy (backup), or see mlwb workspace check for the full report.</source>
        <translation>%1 ist beschädigt: Die Integritätsprüfung von SQLite meldet „%2“. Die Datei wurde nicht verändert; stellen Sie den Ordner des Arbeitsbereichs aus einer Kopie (Sicherung) wieder her, oder rufen Sie mlwb workspace check für den vollständigen Bericht auf.</translation>
    </message>
    <message>
        <source>%1 is not an SQLite database (%2); it was left untouched.</source>
        <translation>%1 ist keine SQLite-Datenbank (%2); die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>This workspace has schema %1 and must be upgraded to %2 to be opened, but %3.</source>
        <translation>Dieser Arbeitsbereich hat Schema %1 und muss zum Öffnen auf %2 aktualisiert werden, aber %3.</translation>
    </message>
    <message>
        <source>The workspace %1 cannot be changed: %2.</source>
        <translation>Der Arbeitsbereich %1 kann nicht geändert werden: %2.</translation>
    </message>
    <message>
        <source>Model &apos;%1&apos; has no alias &apos;%2&apos;.</source>
        <translation>Das Modell „%1“ hat keinen Alias „%2“.</translation>
    </message>
    <message>
        <source>Environment &apos;%1&apos; has no alias &apos;%2&apos;.</source>
        <translation>Die Umgebung „%1“ hat keinen Alias „%2“.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid alias: use 1 to 64 letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;, starting with a letter; &apos;latest&apos; is taken.</source>
        <translation>„%1“ ist kein gültiger Alias: Verwenden Sie 1 bis 64 Buchstaben, Ziffern, „-“, „_“ oder „.“, beginnend mit einem Buchstaben; „latest“ ist bereits vergeben.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a version number.</source>
        <translation>„%1“ ist keine Versionsnummer.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; names no asset: use NAME, NAME:VERSION or NAME@ALIAS.</source>
        <translation>„%1“ bezeichnet kein Asset: Verwenden Sie NAME, NAME:VERSION oder NAME@ALIAS.</translation>
    </message>
    <message>
        <source>Version %1 of environment &apos;%2&apos; is used by image &apos;%3&apos;; delete the image first.</source>
        <translation>Version %1 der Umgebung „%2“ wird vom Image „%3“ verwendet; löschen Sie zuerst das Image.</translation>
    </message>
    <message>
        <source>The workspace cannot be changed: %1.</source>
        <translation>Der Arbeitsbereich kann nicht geändert werden: %1.</translation>
    </message>
    <message>
        <source>the disk holding it is full</source>
        <translation>der Datenträger, auf dem er liegt, ist voll</translation>
    </message>
    <message>
        <source>The workspace cannot be changed: %1 (%2).</source>
        <translation>Der Arbeitsbereich kann nicht geändert werden: %1 (%2).</translation>
    </message>
    <message>
        <source>it is read-only (%1)</source>
        <translation>er ist schreibgeschützt (%1)</translation>
    </message>
    <message>
        <source>the workspace is on a read-only file system</source>
        <translation>der Arbeitsbereich liegt auf einem schreibgeschützten Dateisystem</translation>
    </message>
    <message>
        <source>you have no permission to write in %1</source>
        <translation>Sie haben keine Berechtigung, in %1 zu schreiben</translation>
    </message>
    <message>
        <source>you have no permission to write %1</source>
        <translation>Sie haben keine Berechtigung, %1 zu schreiben</translation>
    </message>
    <message>
        <source>the disk holding the workspace is full (%1 free on %2)</source>
        <translation>der Datenträger des Arbeitsbereichs ist voll (%1 frei auf %2)</translation>
    </message>
    <message>
        <source>%1 can only be read with its write-ahead log (%2-wal), which needs %2-shm; copy the workspace folder to a writable disk to open it.</source>
        <translation>%1 kann nur mit seinem Write-Ahead-Log (%2-wal) gelesen werden, das %2-shm benötigt; kopieren Sie den Ordner des Arbeitsbereichs auf einen beschreibbaren Datenträger, um ihn zu öffnen.</translation>
    </message>
    <message>
        <source>Could not open %1 read-only: %2</source>
        <translation>%1 konnte nicht schreibgeschützt geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Copying %1 was canceled.</source>
        <translation>Das Kopieren von %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>A conda environment file is a mapping with &apos;dependencies:&apos;.</source>
        <translation>Eine conda-Umgebungsdatei ist eine Zuordnung mit „dependencies:“.</translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>The conda environment file has no &apos;dependencies:&apos; list.</source>
        <translation>Die conda-Umgebungsdatei hat keine „dependencies:“-Liste.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a kind of environment spec: use conda or pip.</source>
        <translation>„%1“ ist keine Art von Umgebungsspezifikation: Verwenden Sie conda oder pip.</translation>
    </message>
    <message>
        <source>mlwb: registered %1 as model %2:%3
</source>
        <translation>mlwb: %1 als Modell %2:%3 registriert
</translation>
    </message>
    <message>
        <source>mlwb: could not register %1 as model %2: %3
</source>
        <translation>mlwb: %1 konnte nicht als Modell %2 registriert werden: %3
</translation>
    </message>
    <message>
        <source>model %1: its manifest %2 cannot be read (%3)</source>
        <translation>Modell %1: Sein Manifest %2 kann nicht gelesen werden (%3)</translation>
    </message>
    <message>
        <source>model %1: file %2 (%3) is missing from %4</source>
        <translation>Modell %1: Datei %2 (%3) fehlt in %4</translation>
    </message>
    <message>
        <source>%1 is stored but no model version refers to it (an orphan)</source>
        <translation>%1 ist gespeichert, aber keine Modellversion verweist darauf (verwaist)</translation>
    </message>
    <message>
        <source>%1 is a partial copy left by a registration that did not finish</source>
        <translation>%1 ist eine unvollständige Kopie einer nicht abgeschlossenen Registrierung</translation>
    </message>
    <message>
        <source>More than one run is named &apos;%1&apos;; give its run id.</source>
        <translation>Mehrere Läufe heißen „%1“; geben Sie die Lauf-ID an.</translation>
    </message>
    <message>
        <source>A run&apos;s name cannot be empty.</source>
        <translation>Der Name eines Laufs darf nicht leer sein.</translation>
    </message>
    <message>
        <source>A run&apos;s name is one line of at most 200 characters.</source>
        <translation>Der Name eines Laufs ist eine Zeile mit höchstens 200 Zeichen.</translation>
    </message>
    <message>
        <source>The experiment &apos;%1&apos; already has a run named &apos;%2&apos;.</source>
        <translation>Das Experiment „%1“ hat bereits einen Lauf namens „%2“.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an authentication mode: use none or key.</source>
        <translation>„%1“ ist kein Authentifizierungsmodus: Verwenden Sie none oder key.</translation>
    </message>
    <message>
        <source>Version %1 of environment &apos;%2&apos; is the environment of model %3:%4; delete that model version first.</source>
        <translation>Version %1 der Umgebung „%2“ ist die Umgebung von Modell %3:%4; löschen Sie zuerst diese Modellversion.</translation>
    </message>
    <message>
        <source>Could not number a new version of image &apos;%1&apos;.</source>
        <translation>Für eine neue Version des Images „%1“ konnte keine Nummer vergeben werden.</translation>
    </message>
    <message>
        <source>image &apos;%1&apos;</source>
        <translation>Image „%1“</translation>
    </message>
    <message>
        <source>deployment &apos;%1&apos;</source>
        <translation>Bereitstellung „%1“</translation>
    </message>
    <message>
        <source>Version %1 of model &apos;%2&apos; is used by %3; delete the image first.</source>
        <translation>Version %1 des Modells „%2“ wird von %3 verwendet; löschen Sie zuerst das Image.</translation>
    </message>
    <message>
        <source>Version %1 of model &apos;%2&apos; is used by %3; delete them first (deployments before their images).</source>
        <translation>Version %1 des Modells „%2“ wird von %3 verwendet; löschen Sie diese zuerst (Bereitstellungen vor ihren Images).</translation>
    </message>
    <message>
        <source>The interpreter printed no Python version: %1</source>
        <translation>Der Interpreter hat keine Python-Version ausgegeben: %1</translation>
    </message>
    <message>
        <source>Could not read the environment of %1: %2</source>
        <translation>Die Umgebung von %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Register model %1</source>
        <translation>Modell %1 registrieren</translation>
    </message>
    <message>
        <source>%1 of %2 MB copied</source>
        <translation>%1 von %2 MB kopiert</translation>
    </message>
    <message>
        <source>Registering %1 was canceled.</source>
        <translation>Die Registrierung von %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Registered %1:%2</source>
        <translation>%1:%2 registriert</translation>
    </message>
    <message>
        <source>Models: %1
Environment: %2
Base: %3
Digest: %4</source>
        <translation>Modelle: %1
Umgebung: %2
Basis: %3
Digest: %4</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Wrote %1 to %2; load it with: podman load -i %2</source>
        <translation>%1 wurde nach %2 geschrieben; laden mit: podman load -i %2</translation>
    </message>
    <message>
        <source>Pushed %1 to %2: %3 blobs sent, %4 already there</source>
        <translation>%1 nach %2 gepusht: %3 Blobs gesendet, %4 bereits vorhanden</translation>
    </message>
    <message>
        <source>%1 was canceled.</source>
        <translation>%1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>%1 · endpoint · %2</source>
        <translation>%1 · Endpunkt · %2</translation>
    </message>
    <message>
        <source>no traffic</source>
        <translation>kein Datenverkehr</translation>
    </message>
    <message>
        <source>the write to %1 stopped short</source>
        <translation>das Schreiben nach %1 brach vorzeitig ab</translation>
    </message>
</context>
<context>
    <name>RemoteRun</name>
    <message>
        <source>Checking %1 failed: %2</source>
        <translation>Prüfen von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The working folder %1 cannot be made on %2.</source>
        <translation>Der Arbeitsordner %1 kann auf %2 nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Could not pack the Python helper: %1</source>
        <translation>Das Python-Hilfsprogramm konnte nicht gepackt werden: %1</translation>
    </message>
    <message>
        <source>Could not copy the Python helper to %1: %2</source>
        <translation>Das Python-Hilfsprogramm konnte nicht nach %1 kopiert werden: %2</translation>
    </message>
    <message>
        <source>The disk of %1 is full: the snapshot could not be copied.</source>
        <translation>Der Datenträger von %1 ist voll: Der Snapshot konnte nicht kopiert werden.</translation>
    </message>
    <message>
        <source>Could not copy the snapshot to %1: %2</source>
        <translation>Der Snapshot konnte nicht nach %1 kopiert werden: %2</translation>
    </message>
    <message>
        <source>The disk of %1 is full: the snapshot could not be expanded.</source>
        <translation>Der Datenträger von %1 ist voll: Der Snapshot konnte nicht entpackt werden.</translation>
    </message>
    <message>
        <source>Could not start the run on %1: %2</source>
        <translation>Der Lauf konnte auf %1 nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>no process group was written</source>
        <translation>es wurde keine Prozessgruppe geschrieben</translation>
    </message>
    <message>
        <source>%1 sent an unreadable answer: %2</source>
        <translation>%1 hat eine unlesbare Antwort gesendet: %2</translation>
    </message>
    <message>
        <source>Could not unpack the outputs of the run: %1</source>
        <translation>Die Ausgaben des Laufs konnten nicht entpackt werden: %1</translation>
    </message>
    <message>
        <source>Not enough disk space on %1: %2 KiB free in %3, the run needs about %4 KiB (its snapshot is %5 KiB). Free some space there or choose another working folder.</source>
        <translation>Nicht genug Speicherplatz auf %1: %2 KiB frei in %3, der Lauf benötigt etwa %4 KiB (sein Snapshot hat %5 KiB). Geben Sie dort Speicherplatz frei oder wählen Sie einen anderen Arbeitsordner.</translation>
    </message>
    <message>
        <source>The interpreter &apos;%1&apos; was not found on %2.</source>
        <translation>Der Interpreter „%1“ wurde auf %2 nicht gefunden.</translation>
    </message>
    <message>
        <source>Cannot read the snapshot %1.</source>
        <translation>Der Snapshot %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Could not pack the snapshot: %1</source>
        <translation>Der Snapshot konnte nicht gepackt werden: %1</translation>
    </message>
</context>
<context>
    <name>RunConfig</name>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1, line %2, column %3: %4</source>
        <translation>%1, Zeile %2, Spalte %3: %4</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The run configuration has no command (e.g. &quot;command: python3 train.py&quot;).</source>
        <translation>Die Laufkonfiguration hat keinen Befehl (z. B. „command: python3 train.py“).</translation>
    </message>
    <message>
        <source>The run configuration needs an experiment_name.</source>
        <translation>Die Laufkonfiguration benötigt einen experiment_name.</translation>
    </message>
    <message>
        <source>timeout must be a number of seconds, 0 for none.</source>
        <translation>timeout muss eine Anzahl von Sekunden sein, 0 für keines.</translation>
    </message>
    <message>
        <source>working_directory must be a folder inside the project.</source>
        <translation>working_directory muss ein Ordner innerhalb des Projekts sein.</translation>
    </message>
</context>
<context>
    <name>RunDeletion</name>
    <message>
        <source>Run &apos;%1&apos; is %2; cancel it before deleting it.</source>
        <translation>Lauf „%1“ ist %2; brechen Sie ihn ab, bevor Sie ihn löschen.</translation>
    </message>
</context>
<context>
    <name>RunHelper</name>
    <message>
        <source>Cannot find the program %1 beside %2.</source>
        <translation>Das Programm %1 wurde neben %2 nicht gefunden.</translation>
    </message>
    <message>
        <source>Could not start %1: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>%1 ended abnormally (%2). %3</source>
        <translation>%1 endete unerwartet (%2). %3</translation>
    </message>
</context>
<context>
    <name>RunLauncher</name>
    <message>
        <source>Cannot find the mlwb program to supervise the run.</source>
        <translation>Das Programm mlwb zum Überwachen des Laufs wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>Could not start the run&apos;s supervisor (%1): %2</source>
        <translation>Die Überwachung des Laufs konnte nicht gestartet werden (%1): %2</translation>
    </message>
    <message>
        <source>Run %1 has already ended (%2).</source>
        <translation>Lauf %1 ist bereits beendet (%2).</translation>
    </message>
</context>
<context>
    <name>RunReason</name>
    <message>
        <source>Exited with code %1 (killed by signal %2).</source>
        <translation>Mit Code %1 beendet (durch Signal %2 abgebrochen).</translation>
    </message>
    <message>
        <source>Exited with code %1.</source>
        <translation>Mit Code %1 beendet.</translation>
    </message>
    <message>
        <source>Stopped after the time limit of %1 s.</source>
        <translation>Nach Ablauf des Zeitlimits von %1 s gestoppt.</translation>
    </message>
    <message>
        <source>The run&apos;s process ended without an exit code (killed from outside?).</source>
        <translation>Der Prozess des Laufs endete ohne Exit-Code (von außen beendet?).</translation>
    </message>
    <message>
        <source>The run&apos;s process on %1 ended without an exit code (killed from outside?).</source>
        <translation>Der Prozess des Laufs auf %1 endete ohne Exit-Code (von außen beendet?).</translation>
    </message>
    <message>
        <source>Command not found: %1</source>
        <translation>Befehl nicht gefunden: %1</translation>
    </message>
    <message>
        <source>Command not found on %1: %2</source>
        <translation>Befehl auf %1 nicht gefunden: %2</translation>
    </message>
    <message>
        <source>The disk of %1 is full (No space left on device in %2): the run failed and its exit code could not be written.</source>
        <translation>Der Datenträger von %1 ist voll (No space left on device in %2): Der Lauf ist fehlgeschlagen, und sein Exit-Code konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>The run&apos;s folder on %1 (%2) has vanished.</source>
        <translation>Der Ordner des Laufs auf %1 (%2) ist verschwunden.</translation>
    </message>
    <message>
        <source>The run has no snapshot to run from.</source>
        <translation>Der Lauf hat keinen Snapshot, aus dem er laufen kann.</translation>
    </message>
    <message>
        <source>Could not fetch the outputs from %1: %2</source>
        <translation>Die Ausgaben konnten nicht von %1 abgerufen werden: %2</translation>
    </message>
</context>
<context>
    <name>RunSubmitter</name>
    <message>
        <source>The project folder %1 does not exist.</source>
        <translation>Der Projektordner %1 existiert nicht.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n Datei</numerusform>
            <numerusform>%n Dateien</numerusform>
        </translation>
    </message>
    <message>
        <source>The submit was canceled while packing the snapshot.</source>
        <translation>Die Übermittlung wurde beim Packen des Snapshots abgebrochen.</translation>
    </message>
</context>
<context>
    <name>ScoringClient</name>
    <message>
        <source>no answer in time</source>
        <translation>keine rechtzeitige Antwort</translation>
    </message>
</context>
<context>
    <name>ServiceKeys</name>
    <message>
        <source>Cannot read the service&apos;s keys from %1: %2</source>
        <translation>Die Schlüssel des Dienstes können nicht aus %1 gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 does not hold a primary and a secondary key.</source>
        <translation>%1 enthält keinen primären und sekundären Schlüssel.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a key: say primary or secondary.</source>
        <translation>„%1“ ist kein Schlüssel: Geben Sie primary oder secondary an.</translation>
    </message>
    <message>
        <source>Cannot create %1 for the service&apos;s keys.</source>
        <translation>%1 für die Schlüssel des Dienstes kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Cannot write the service&apos;s keys to %1: %2</source>
        <translation>Die Schlüssel des Dienstes können nicht nach %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <source>MLWB_KEY_STORE=file asks for a file</source>
        <translation>MLWB_KEY_STORE=file verlangt eine Datei</translation>
    </message>
    <message>
        <source>the desktop keychain (Secret Service)</source>
        <translation>dem Schlüsselbund der Arbeitsumgebung (Secret Service)</translation>
    </message>
    <message>
        <source>%1 (only you can read it)</source>
        <translation>%1 (nur Sie können sie lesen)</translation>
    </message>
    <message>
        <source>The desktop keychain holds no keys for %1 (entry %2 of ML Workbench).</source>
        <translation>Der Schlüsselbund der Arbeitsumgebung enthält keine Schlüssel für %1 (Eintrag %2 von ML Workbench).</translation>
    </message>
    <message>
        <source>If they were kept in the desktop keychain, it cannot be used here: %1.</source>
        <translation>Falls sie im Schlüsselbund der Arbeitsumgebung liegen, ist er hier nicht erreichbar: %1.</translation>
    </message>
</context>
<context>
    <name>ServiceTelemetry</name>
    <message>
        <source>The answer of /metrics has no request count.</source>
        <translation>Die Antwort von /metrics enthält keine Anzahl der Anfragen.</translation>
    </message>
</context>
<context>
    <name>SnapshotLeftOut</name>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n weiteres</numerusform>
            <numerusform>%n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n link(s) pointing outside the project</source>
        <translation>
            <numerusform>%n Verknüpfung, die aus dem Projekt heraus zeigt</numerusform>
            <numerusform>%n Verknüpfungen, die aus dem Projekt heraus zeigen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n Datei</numerusform>
            <numerusform>%n Dateien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s)</source>
        <translation>
            <numerusform>%n Ordner</numerusform>
            <numerusform>%n Ordner</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>%1 ignored by %2</source>
        <translation>%1 durch %2 ignoriert</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) that are not files, folders or links</source>
        <translation>
            <numerusform>%n Element, das keine Datei, kein Ordner und keine Verknüpfung ist</numerusform>
            <numerusform>%n Elemente, die weder Dateien noch Ordner noch Verknüpfungen sind</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) whose top-level name ends in a backslash, which zip readers take for a folder</source>
        <translation>
            <numerusform>%n Datei, deren Name auf oberster Ebene mit einem Backslash endet, den ZIP-Leseprogramme als Ordner auffassen</numerusform>
            <numerusform>%n Dateien, deren Name auf oberster Ebene mit einem Backslash endet, den ZIP-Leseprogramme als Ordner auffassen</numerusform>
        </translation>
    </message>
    <message>
        <source>Left out of the snapshot: %1.</source>
        <translation>Nicht in den Snapshot aufgenommen: %1.</translation>
    </message>
</context>
<context>
    <name>SnapshotReader</name>
    <message>
        <source>Snapshot %1 is damaged: %2</source>
        <translation>Snapshot %1 ist beschädigt: %2</translation>
    </message>
    <message>
        <source>unreadable zip data</source>
        <translation>unlesbare ZIP-Daten</translation>
    </message>
    <message>
        <source>Snapshot %1 does not exist</source>
        <translation>Snapshot %1 existiert nicht</translation>
    </message>
    <message>
        <source>Snapshot %1 is damaged: an entry has no usable name</source>
        <translation>Snapshot %1 ist beschädigt: Ein Eintrag hat keinen verwendbaren Namen</translation>
    </message>
    <message>
        <source>%1 in snapshot %2 is not a file</source>
        <translation>%1 in Snapshot %2 ist keine Datei</translation>
    </message>
    <message>
        <source>%1 in snapshot %2 is too large to read (%3 bytes)</source>
        <translation>%1 in Snapshot %2 ist zu groß zum Lesen (%3 Bytes)</translation>
    </message>
    <message>
        <source>Snapshot %1 has no file %2</source>
        <translation>Snapshot %1 enthält keine Datei %2</translation>
    </message>
    <message>
        <source>Snapshot %1 has an unsafe entry %2: %3</source>
        <translation>Snapshot %1 enthält einen unsicheren Eintrag %2: %3</translation>
    </message>
    <message>
        <source>absolute paths are not allowed</source>
        <translation>absolute Pfade sind nicht erlaubt</translation>
    </message>
    <message>
        <source>&apos;..&apos; is not allowed in a path</source>
        <translation>„..“ ist in einem Pfad nicht erlaubt</translation>
    </message>
    <message>
        <source>devices, pipes and sockets are not allowed</source>
        <translation>Geräte, Pipes und Sockets sind nicht erlaubt</translation>
    </message>
    <message>
        <source>the link points outside the snapshot (%1)</source>
        <translation>die Verknüpfung zeigt aus dem Snapshot heraus (%1)</translation>
    </message>
    <message>
        <source>Cannot create the folder for %1</source>
        <translation>Der Ordner für %1 kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot create the folder %1/%2</source>
        <translation>Der Ordner %1/%2 kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>Snapshot %1 has an unsafe entry %2: the link points outside the snapshot (%3)</source>
        <translation>Snapshot %1 enthält einen unsicheren Eintrag %2: Die Verknüpfung zeigt aus dem Snapshot heraus (%3)</translation>
    </message>
    <message>
        <source>Cannot expand snapshot %1 into %2: the folder is not empty</source>
        <translation>Snapshot %1 kann nicht nach %2 entpackt werden: Der Ordner ist nicht leer</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>Der Ordner %1 kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>Snapshot %1 is damaged: its entries disagree with its central directory</source>
        <translation>Snapshot %1 ist beschädigt: Seine Einträge stimmen nicht mit seinem zentralen Verzeichnis überein</translation>
    </message>
    <message>
        <source>Snapshot %1 does not match its name: expected sha256 %2, found %3. It was replaced or altered; restore it from a copy, or submit the run again.</source>
        <translation>Snapshot %1 passt nicht zu seinem Namen: sha256 %2 erwartet, %3 gefunden. Er wurde ersetzt oder verändert; stellen Sie ihn aus einer Kopie wieder her, oder übermitteln Sie den Lauf erneut.</translation>
    </message>
    <message>
        <source>Cannot expand snapshot %1: the link %2 cannot be made (%3)</source>
        <translation>Snapshot %1 kann nicht entpackt werden: Die Verknüpfung %2 kann nicht angelegt werden (%3)</translation>
    </message>
</context>
<context>
    <name>SnapshotWriter</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>Cannot read the folder %1</source>
        <translation>Der Ordner %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Skipped %1: not a file, folder or link</source>
        <translation>%1 übersprungen: keine Datei, kein Ordner und keine Verknüpfung</translation>
    </message>
    <message>
        <source>Skipped the link %1 -&gt; %2: only links inside the project are kept</source>
        <translation>Verknüpfung %1 -&gt; %2 übersprungen: Nur Verknüpfungen innerhalb des Projekts werden übernommen</translation>
    </message>
    <message>
        <source>The snapshot would be %1 in %2 files, over the limit of %3 or %4 files. Largest: %5. Add them to .amlignore.</source>
        <translation>Der Snapshot wäre %1 groß in %2 Dateien und überschreitet damit die Grenze von %3 oder %4 Dateien. Größte: %5. Fügen Sie sie zu .amlignore hinzu.</translation>
    </message>
    <message>
        <source>The project folder %1 does not exist</source>
        <translation>Der Projektordner %1 existiert nicht</translation>
    </message>
    <message>
        <source>Cannot create the snapshot folder %1</source>
        <translation>Der Snapshot-Ordner %1 kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>Cannot create a file in %1: %2</source>
        <translation>In %1 kann keine Datei erstellt werden: %2</translation>
    </message>
    <message>
        <source>Cannot start the snapshot zip: %1</source>
        <translation>Das Snapshot-ZIP kann nicht begonnen werden: %1</translation>
    </message>
    <message>
        <source>The snapshot was cancelled</source>
        <translation>Der Snapshot wurde abgebrochen</translation>
    </message>
    <message>
        <source>Cannot finish the snapshot zip: %1</source>
        <translation>Das Snapshot-ZIP kann nicht abgeschlossen werden: %1</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot add %1 to the snapshot: %2</source>
        <translation>%1 kann nicht zum Snapshot hinzugefügt werden: %2</translation>
    </message>
    <message>
        <source>%1 changed while the snapshot was being taken; try again</source>
        <translation>%1 wurde während der Snapshot-Erstellung geändert; versuchen Sie es erneut</translation>
    </message>
    <message>
        <source>Cannot add the link %1 to the snapshot: %2</source>
        <translation>Die Verknüpfung %1 kann nicht zum Snapshot hinzugefügt werden: %2</translation>
    </message>
    <message>
        <source>Cannot store the snapshot as %1: %2</source>
        <translation>Der Snapshot kann nicht als %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Skipped %1: a top-level name ending in a backslash reads back as a folder</source>
        <translation>%1 übersprungen: Ein Name auf oberster Ebene, der mit einem Backslash endet, wird beim Lesen als Ordner aufgefasst</translation>
    </message>
</context>
<context>
    <name>SshBackend</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The run may still be going on on the VM.</source>
        <translation>Der Lauf ist auf der VM möglicherweise noch aktiv.</translation>
    </message>
    <message>
        <source>Cannot write to the run folder %1: %2</source>
        <translation>In den Ordner des Laufs %1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>SshConnection</name>
    <message>
        <source>Cannot run ssh: %1</source>
        <translation>ssh kann nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 did not answer in time.</source>
        <translation>%1 hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The host key of %1 has changed since it was trusted: this may be an attack, or the VM was reinstalled. The connection was refused. If the change is expected, remove the old key with `ssh-keygen -R &apos;[%2]:%3&apos;` and test the target again.</source>
        <translation>Der Host-Schlüssel von %1 hat sich geändert, seit ihm vertraut wurde: Das kann ein Angriff sein, oder die VM wurde neu installiert. Die Verbindung wurde abgelehnt. Wenn die Änderung erwartet ist, entfernen Sie den alten Schlüssel mit `ssh-keygen -R &apos;[%2]:%3&apos;` und testen Sie das Ziel erneut.</translation>
    </message>
    <message>
        <source>The host key of %1 is not trusted yet.</source>
        <translation>Dem Host-Schlüssel von %1 wird noch nicht vertraut.</translation>
    </message>
    <message>
        <source>SSH login to %1 as %2 failed: %3. Check the user and the identity file, or load the key into ssh-agent (passwords are never asked).</source>
        <translation>SSH-Anmeldung bei %1 als %2 fehlgeschlagen: %3. Prüfen Sie den Benutzer und die Identitätsdatei oder laden Sie den Schlüssel in den ssh-agent (Passwörter werden nie abgefragt).</translation>
    </message>
    <message>
        <source>the default user</source>
        <translation>der Standardbenutzer</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>ssh failed</source>
        <translation>ssh fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cannot reach %1: the jump host %2 is unreachable (%3).</source>
        <translation>%1 ist nicht erreichbar: Der Sprunghost %2 ist nicht erreichbar (%3).</translation>
    </message>
    <message>
        <source>Cannot reach %1 from the jump host %2: %3</source>
        <translation>%1 ist vom Sprunghost %2 aus nicht erreichbar: %3</translation>
    </message>
    <message>
        <source>The connection to %1 was lost (%2).</source>
        <translation>Die Verbindung zu %1 wurde unterbrochen (%2).</translation>
    </message>
    <message>
        <source>ssh ended with code 255 and no message</source>
        <translation>ssh wurde mit Code 255 und ohne Meldung beendet</translation>
    </message>
</context>
<context>
    <name>SshProbe</name>
    <message>
        <source>Host key trusted: %1</source>
        <translation>Host-Schlüssel vertraut: %1</translation>
    </message>
    <message>
        <source>OS: %1</source>
        <translation>Betriebssystem: %1</translation>
    </message>
    <message>
        <source>CPUs: %1</source>
        <translation>CPUs: %1</translation>
    </message>
    <message>
        <source>Memory: %1</source>
        <translation>Arbeitsspeicher: %1</translation>
    </message>
    <message>
        <source>Python: %1</source>
        <translation>Python: %1</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>nicht gefunden</translation>
    </message>
    <message>
        <source>Working folder: %1</source>
        <translation>Arbeitsordner: %1</translation>
    </message>
    <message>
        <source>Free disk: %1</source>
        <translation>Freier Speicherplatz: %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>The target %1 has no host.</source>
        <translation>Das Ziel %1 hat keinen Host.</translation>
    </message>
    <message>
        <source>Its key fingerprint is %1.</source>
        <translation>Sein Schlüssel-Fingerabdruck ist %1.</translation>
    </message>
    <message>
        <source>The interpreter &apos;%1&apos; was not found on %2.</source>
        <translation>Der Interpreter „%1“ wurde auf %2 nicht gefunden.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; on %2 is Python %3; runs need Python 3.</source>
        <translation>„%1“ auf %2 ist Python %3; Läufe benötigen Python 3.</translation>
    </message>
    <message>
        <source>The working folder %1 cannot be made on %2.</source>
        <translation>Der Arbeitsordner %1 kann auf %2 nicht angelegt werden.</translation>
    </message>
</context>
<context>
    <name>WorkspaceChooser</name>
    <message>
        <source>New Workspace: Choose an Empty Folder</source>
        <translation>Neuer Arbeitsbereich: Leeren Ordner auswählen</translation>
    </message>
    <message>
        <source>New Workspace</source>
        <translation>Neuer Arbeitsbereich</translation>
    </message>
    <message>
        <source>No workspace could be created in %1.

%2</source>
        <translation>In %1 konnte kein Arbeitsbereich erstellt werden.

%2</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>%1 could not be opened.

%2</source>
        <translation>%1 konnte nicht geöffnet werden.

%2</translation>
    </message>
    <message>
        <source>ML Workbench</source>
        <translation>ML Workbench</translation>
    </message>
    <message>
        <source>The workspace in %1 could not be opened.</source>
        <translation>Der Arbeitsbereich in %1 konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>New Workspace…</source>
        <translation>Neuer Arbeitsbereich…</translation>
    </message>
    <message>
        <source>Open Workspace…</source>
        <translation>Arbeitsbereich öffnen…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>ZipDirectory</name>
    <message>
        <source>Snapshot %1 is damaged: %2</source>
        <translation>Snapshot %1 ist beschädigt: %2</translation>
    </message>
    <message>
        <source>Cannot read snapshot %1: %2</source>
        <translation>Snapshot %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>no central directory (truncated?)</source>
        <translation>kein zentrales Verzeichnis (abgeschnitten?)</translation>
    </message>
    <message>
        <source>its zip64 directory record is missing</source>
        <translation>sein ZIP64-Verzeichnisdatensatz fehlt</translation>
    </message>
    <message>
        <source>its central directory is unreadable</source>
        <translation>sein zentrales Verzeichnis ist unlesbar</translation>
    </message>
</context>
<context>
    <name>mlwb</name>
    <message>
        <source>An image needs at least one model: --model NAME:VERSION.</source>
        <translation>Ein Image benötigt mindestens ein Modell: --model NAME:VERSION.</translation>
    </message>
    <message>
        <source>The scoring server is missing from this build of mlwb.</source>
        <translation>Der Bewertungsserver fehlt in diesem Build von mlwb.</translation>
    </message>
    <message>
        <source>Cannot read the sample %1: %2</source>
        <translation>Das Beispiel %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The sample %1 is not JSON: %2</source>
        <translation>Das Beispiel %1 ist kein JSON: %2</translation>
    </message>
    <message>
        <source>Cannot read the scoring script %1: %2</source>
        <translation>Das Bewertungsskript %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The scoring script %1 does not define %2; it needs init() (loads the models from AZUREML_MODEL_DIR) and run(raw_data) (answers each request).</source>
        <translation>Das Bewertungsskript %1 definiert %2 nicht; es benötigt init() (lädt die Modelle aus AZUREML_MODEL_DIR) und run(raw_data) (beantwortet jede Anfrage).</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>%1 lists a bad digest.</source>
        <translation>%1 enthält einen ungültigen Digest.</translation>
    </message>
    <message>
        <source>%1 has no linux/%2 image (it has: %3).</source>
        <translation>%1 hat kein Image für linux/%2 (vorhanden: %3).</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot replace %1.</source>
        <translation>%1 kann nicht ersetzt werden.</translation>
    </message>
    <message>
        <source>Cannot move the pulled image to %1.</source>
        <translation>Das gepullte Image kann nicht nach %1 verschoben werden.</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>%1 kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Cannot create a staging folder in %1.</source>
        <translation>In %1 kann kein Staging-Ordner erstellt werden.</translation>
    </message>
    <message>
        <source>%1 is a %2, not an image manifest this client reads.</source>
        <translation>%1 ist ein %2 und kein Image-Manifest, das dieser Client lesen kann.</translation>
    </message>
    <message>
        <source>The pull was canceled.</source>
        <translation>Der Pull wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Fetching %1 (%2 bytes)</source>
        <translation>%1 wird abgerufen (%2 Bytes)</translation>
    </message>
    <message>
        <source>Stored %1 (%2) in %3</source>
        <translation>%1 (%2) in %3 gespeichert</translation>
    </message>
    <message>
        <source>Pulling the base image %1</source>
        <translation>Basis-Image %1 wird gepullt</translation>
    </message>
    <message>
        <source>Push to a tag (REGISTRY/REPO:TAG), not to a digest.</source>
        <translation>Pushen Sie auf einen Tag (REGISTRY/REPO:TAG), nicht auf einen Digest.</translation>
    </message>
    <message>
        <source>The push was canceled.</source>
        <translation>Der Push wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Skipped %1 (%2 bytes): already in %3</source>
        <translation>%1 übersprungen (%2 Bytes): bereits in %3</translation>
    </message>
    <message>
        <source>Mounted %1 from %2</source>
        <translation>%1 aus %2 eingebunden</translation>
    </message>
    <message>
        <source>Sent %1 (%2 bytes)</source>
        <translation>%1 gesendet (%2 Bytes)</translation>
    </message>
    <message>
        <source>Sent the manifest %1 as %2</source>
        <translation>Manifest %1 als %2 gesendet</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an environment variable name: use letters, digits and _, not starting with a digit.</source>
        <translation>„%1“ ist kein Name einer Umgebungsvariablen: Verwenden Sie Buchstaben, Ziffern und _, nicht mit einer Ziffer am Anfang.</translation>
    </message>
    <message>
        <source>%1 is set by the image&apos;s scoring server itself.</source>
        <translation>%1 wird vom Bewertungsserver des Images selbst gesetzt.</translation>
    </message>
    <message>
        <source>The traffic of %1 must be between 0 and 100, not %2.</source>
        <translation>Der Datenverkehr von %1 muss zwischen 0 und 100 liegen, nicht bei %2.</translation>
    </message>
    <message>
        <source>%1 is named twice in the traffic split.</source>
        <translation>%1 wird in der Datenverkehrsaufteilung zweimal genannt.</translation>
    </message>
    <message>
        <source>The traffic split adds up to %1%; it must add up to 100%.</source>
        <translation>Die Datenverkehrsaufteilung ergibt in Summe %1 %; sie muss 100 % ergeben.</translation>
    </message>
</context>
<context>
    <name>mlwb::BasePage</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Read</source>
        <translation>&amp;Lesen</translation>
    </message>
    <message>
        <source>Base Image</source>
        <translation>Basis-Image</translation>
    </message>
    <message>
        <source>The image the model layers go on top of: a file that podman save or docker save wrote, an OCI layout folder, or a registry reference. Read it to see what it holds.</source>
        <translation>Das Image, auf das die Modellschichten gelegt werden: eine von podman save oder docker save geschriebene Datei, ein OCI-Layout-Ordner oder eine Registry-Referenz. Lesen Sie es, um zu sehen, was es enthält.</translation>
    </message>
    <message>
        <source>OCI archive file</source>
        <translation>OCI-Archivdatei</translation>
    </message>
    <message>
        <source>docker-archive file</source>
        <translation>docker-archive-Datei</translation>
    </message>
    <message>
        <source>OCI layout folder</source>
        <translation>OCI-Layout-Ordner</translation>
    </message>
    <message>
        <source>Registry reference (REGISTRY/REPO:TAG)</source>
        <translation>Registry-Referenz (REGISTRY/REPO:TAG)</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>Base:</source>
        <translation>Basis:</translation>
    </message>
    <message>
        <source>What was read:</source>
        <translation>Gelesen:</translation>
    </message>
    <message>
        <source>&lt;b&gt;The environment&apos;s packages&lt;/b&gt;</source>
        <translation>&lt;b&gt;Die Pakete der Umgebung&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Not read yet.</source>
        <translation>Noch nicht gelesen.</translation>
    </message>
    <message>
        <source>e.g. registry.example.com/team/python:3.11</source>
        <translation>z. B. registry.example.com/team/python:3.11</translation>
    </message>
    <message>
        <source>e.g. /var/tmp/python-base.tar</source>
        <translation>z. B. /var/tmp/python-base.tar</translation>
    </message>
    <message>
        <source>OCI Layout Folder</source>
        <translation>OCI-Layout-Ordner</translation>
    </message>
    <message>
        <source>Base Image Archive</source>
        <translation>Basis-Image-Archiv</translation>
    </message>
    <message>
        <source>Image archives (*.tar *.tar.gz);;All files (*)</source>
        <translation>Image-Archive (*.tar *.tar.gz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message numerus="yes">
        <source>%1/%2, %3 in %n layer(s), Python %4</source>
        <translation>
            <numerusform>%1/%2, %3 in %n Schicht, Python %4</numerusform>
            <numerusform>%1/%2, %3 in %n Schichten, Python %4</numerusform>
        </translation>
    </message>
    <message>
        <source>not found</source>
        <translation>nicht gefunden</translation>
    </message>
    <message>
        <source>No environment chosen.</source>
        <translation>Keine Umgebung ausgewählt.</translation>
    </message>
    <message>
        <source>The environment lists no packages.</source>
        <translation>Die Umgebung führt keine Pakete auf.</translation>
    </message>
    <message>
        <source>Wheel Folder</source>
        <translation>Wheel-Ordner</translation>
    </message>
    <message>
        <source>&amp;Install what is missing when the service first starts (needs network access at deploy time)</source>
        <translation>Fehlendes beim ersten Start des Dienstes &amp;installieren (benötigt Netzwerkzugang bei der Bereitstellung)</translation>
    </message>
    <message>
        <source>none: only what the base has</source>
        <translation>keiner: nur, was die Basis enthält</translation>
    </message>
    <message>
        <source>&amp;Wheel folder:</source>
        <translation>&amp;Wheel-Ordner:</translation>
    </message>
    <message numerus="yes">
        <source>The wheel folder adds %n wheel(s) as a layer: %1.</source>
        <translation>
            <numerusform>Der Wheel-Ordner fügt %n Wheel als Schicht hinzu: %1.</numerusform>
            <numerusform>Der Wheel-Ordner fügt %n Wheels als Schicht hinzu: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>In the image: %1.</source>
        <translation>Im Image: %1.</translation>
    </message>
    <message>
        <source>Missing: %1. pip installs them when the service first starts, which needs network access at deploy time (and pip in the base).</source>
        <translation>Fehlt: %1. pip installiert sie beim ersten Start des Dienstes; das benötigt Netzwerkzugang bei der Bereitstellung (und pip in der Basis).</translation>
    </message>
    <message>
        <source>Missing: %1. They are not put into this image. Either choose a wheel folder above with wheels for Python %2, or install them when the service first starts, which needs network access at deploy time. Or choose a base that has them.</source>
        <translation>Fehlt: %1. Diese Pakete kommen nicht in dieses Image. Wählen Sie oben einen Wheel-Ordner mit Wheels für Python %2, oder installieren Sie sie beim ersten Start des Dienstes; das benötigt Netzwerkzugang bei der Bereitstellung. Oder wählen Sie eine Basis, die sie enthält.</translation>
    </message>
    <message>
        <source>Nothing is missing.</source>
        <translation>Es fehlt nichts.</translation>
    </message>
</context>
<context>
    <name>mlwb::BuildImageWizard</name>
    <message>
        <source>Build Image</source>
        <translation>Image erstellen</translation>
    </message>
    <message>
        <source>&amp;Build</source>
        <translation>&amp;Erstellen</translation>
    </message>
</context>
<context>
    <name>mlwb::BuildSummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Build runs as a task: its progress, one line per layer, is in the Tasks panel, where it can be canceled. A canceled build leaves nothing behind.</source>
        <translation>„Erstellen“ startet den Build als Aufgabe: Sein Fortschritt, eine Zeile pro Schicht, erscheint im Bereich „Aufgaben“, wo er abgebrochen werden kann. Ein abgebrochener Build hinterlässt nichts.</translation>
    </message>
    <message>
        <source>Image: %1 (the next version of this name)</source>
        <translation>Image: %1 (die nächste Version dieses Namens)</translation>
    </message>
    <message>
        <source>Models: %1</source>
        <translation>Modelle: %1</translation>
    </message>
    <message>
        <source>Scoring script: %1</source>
        <translation>Bewertungsskript: %1</translation>
    </message>
    <message>
        <source>Environment: %1</source>
        <translation>Umgebung: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Base: %1</source>
        <translation>Basis: %1</translation>
    </message>
    <message>
        <source>Port: %1</source>
        <translation>Port: %1</translation>
    </message>
    <message>
        <source>Labels: %1</source>
        <translation>Labels: %1</translation>
    </message>
    <message>
        <source>Other sources: %1</source>
        <translation>Weitere Quellen: %1</translation>
    </message>
    <message>
        <source>Sample request and answer: %1, %2</source>
        <translation>Beispielanfrage und -antwort: %1, %2</translation>
    </message>
    <message>
        <source>Wheel folder: %1</source>
        <translation>Wheel-Ordner: %1</translation>
    </message>
    <message>
        <source>Install what is missing at first start: %1</source>
        <translation>Fehlendes beim ersten Start installieren: %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>CPU: %1, memory: %2</source>
        <translation>CPU: %1, Arbeitsspeicher: %2</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Begrenzung</translation>
    </message>
    <message>
        <source>Environment variables: %1</source>
        <translation>Umgebungsvariablen: %1</translation>
    </message>
</context>
<context>
    <name>mlwb::ComparisonTab</name>
    <message>
        <source>Log scale</source>
        <translation>Logarithmische Skala</translation>
    </message>
    <message>
        <source>Ignore outliers</source>
        <translation>Ausreißer ignorieren</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Save view…</source>
        <translation>Ansicht speichern…</translation>
    </message>
    <message>
        <source>X axis:</source>
        <translation>X-Achse:</translation>
    </message>
    <message>
        <source>Smoothing:</source>
        <translation>Glättung:</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Relative time</source>
        <translation>Relative Zeit</translation>
    </message>
    <message>
        <source>Metric: %1</source>
        <translation>Metrik: %1</translation>
    </message>
    <message>
        <source>Cannot write the charts to %1.</source>
        <translation>Die Diagramme können nicht nach %1 geschrieben werden.</translation>
    </message>
    <message>
        <source>Export charts</source>
        <translation>Diagramme exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg);;Every point as CSV (*.csv);;Every point as JSON (*.json)</source>
        <translation>PNG-Bild (*.png);;SVG-Bild (*.svg);;Alle Punkte als CSV (*.csv);;Alle Punkte als JSON (*.json)</translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>Ansicht speichern</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Aggregate</source>
        <translation>Aggregieren</translation>
    </message>
    <message>
        <source>The mean of the shown runs by step, with a min–max band</source>
        <translation>Der Mittelwert der angezeigten Läufe je Schritt, mit einem Min.–Max.-Band</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Parallel coordinates</source>
        <translation>Parallele Koordinaten</translation>
    </message>
    <message>
        <source>Parameter vs metric</source>
        <translation>Parameter vs. Metrik</translation>
    </message>
    <message>
        <source>Text, tables and images</source>
        <translation>Texte, Tabellen und Bilder</translation>
    </message>
    <message>
        <source>Saved views</source>
        <translation>Gespeicherte Ansichten</translation>
    </message>
    <message>
        <source>Open saved view</source>
        <translation>Gespeicherte Ansicht öffnen</translation>
    </message>
    <message>
        <source>Cannot open the view &apos;%1&apos;: %2</source>
        <translation>Die Ansicht „%1“ kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Click a run to show only it; double-click to show all runs</source>
        <translation>Klicken Sie auf einen Lauf, um nur ihn anzuzeigen; doppelklicken Sie, um alle Läufe anzuzeigen</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Lösen</translation>
    </message>
    <message>
        <source>Pin to the Top</source>
        <translation>Oben anheften</translation>
    </message>
    <message>
        <source>Merge Into</source>
        <translation>Zusammenführen in</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Aufteilen</translation>
    </message>
    <message>
        <source>Merge Metrics Matching…</source>
        <translation>Passende Metriken zusammenführen…</translation>
    </message>
    <message>
        <source>Merge Metrics</source>
        <translation>Metriken zusammenführen</translation>
    </message>
    <message>
        <source>A regular expression; the metrics it matches share one panel (for example loss$ or ^train/):</source>
        <translation>Ein regulärer Ausdruck; die passenden Metriken teilen sich ein Diagramm (zum Beispiel loss$ oder ^train/):</translation>
    </message>
</context>
<context>
    <name>mlwb::ComputeTargetActions</name>
    <message>
        <source>The VM was not attached</source>
        <translation>Die VM wurde nicht angebunden</translation>
    </message>
    <message>
        <source>Attached compute target %1</source>
        <translation>Rechenziel %1 angebunden</translation>
    </message>
    <message>
        <source>Edit Compute Target</source>
        <translation>Rechenziel bearbeiten</translation>
    </message>
    <message>
        <source>This compute target no longer exists.</source>
        <translation>Dieses Rechenziel existiert nicht mehr.</translation>
    </message>
    <message>
        <source>The compute target was not changed</source>
        <translation>Das Rechenziel wurde nicht geändert</translation>
    </message>
    <message>
        <source>Updated compute target %1</source>
        <translation>Rechenziel %1 aktualisiert</translation>
    </message>
    <message>
        <source>Test Connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is this computer: there is no connection to test.</source>
        <translation>„%1“ ist dieser Computer: Es gibt keine Verbindung zu testen.</translation>
    </message>
    <message>
        <source>Testing the connection to %1…</source>
        <translation>Verbindung zu %1 wird getestet…</translation>
    </message>
    <message>
        <source>%1 is reachable:
%2</source>
        <translation>%1 ist erreichbar:
%2</translation>
    </message>
    <message>
        <source>%1 could not be tested: %2</source>
        <translation>%1 konnte nicht getestet werden: %2</translation>
    </message>
    <message>
        <source>Test Connection: %1</source>
        <translation>Verbindung testen: %1</translation>
    </message>
    <message>
        <source>%1 is reachable.</source>
        <translation>%1 ist erreichbar.</translation>
    </message>
    <message>
        <source>%1 could not be reached.</source>
        <translation>%1 konnte nicht erreicht werden.</translation>
    </message>
    <message>
        <source>Detach Compute Target</source>
        <translation>Rechenziel trennen</translation>
    </message>
    <message>
        <source>Detached compute target %1</source>
        <translation>Rechenziel %1 getrennt</translation>
    </message>
    <message>
        <source>Detach &apos;%1&apos;? Its runs stay in the workspace; the VM itself is not changed.</source>
        <translation>„%1“ trennen? Seine Läufe bleiben im Arbeitsbereich; die VM selbst wird nicht verändert.</translation>
    </message>
</context>
<context>
    <name>mlwb::ConfigurationPage</name>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>e.g. credit-risk-service</source>
        <translation>z. B. credit-risk-service</translation>
    </message>
    <message>
        <source>What this version is, e.g. retrained on March data</source>
        <translation>Was diese Version ist, z. B. mit Daten aus dem März neu trainiert</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Version &amp;note:</source>
        <translation>&amp;Versionsnotiz:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>Labels:</translation>
    </message>
    <message>
        <source>Environment variables</source>
        <translation>Umgebungsvariablen</translation>
    </message>
    <message>
        <source>Name the image; each build of a name gets the next version number. CPU and memory are the limits a deployment of it runs with.</source>
        <translation>Benennen Sie das Image; jeder Build eines Namens erhält die nächste Versionsnummer. CPU und Arbeitsspeicher sind die Grenzen, mit denen eine Bereitstellung davon läuft.</translation>
    </message>
    <message>
        <source>no limit, or cores such as 1.5</source>
        <translation>keine Begrenzung oder Kerne wie 1.5</translation>
    </message>
    <message>
        <source>no limit, or a size such as 512M or 1.5G</source>
        <translation>keine Begrenzung oder eine Größe wie 512M oder 1.5G</translation>
    </message>
    <message>
        <source>&amp;CPU:</source>
        <translation>&amp;CPU:</translation>
    </message>
    <message>
        <source>&amp;Memory:</source>
        <translation>&amp;Arbeitsspeicher:</translation>
    </message>
    <message>
        <source>Environment variables:</source>
        <translation>Umgebungsvariablen:</translation>
    </message>
</context>
<context>
    <name>mlwb::CreateEndpointDialog</name>
    <message>
        <source>Create Endpoint</source>
        <translation>Endpunkt erstellen</translation>
    </message>
    <message>
        <source>e.g. iris-scoring</source>
        <translation>z. B. iris-scoring</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>beliebiger freier Port</translation>
    </message>
    <message>
        <source>Keys (Authorization: Bearer KEY)</source>
        <translation>Schlüssel (Authorization: Bearer KEY)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>Noch keine</translation>
    </message>
    <message>
        <source>An endpoint is one stable URL in front of deployments. Its page splits the traffic between them and shows what each one got.</source>
        <translation>Ein Endpunkt ist eine feste URL vor Bereitstellungen. Auf seiner Seite wird der Datenverkehr zwischen ihnen aufgeteilt und angezeigt, was jede davon erhalten hat.</translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Authentication:</source>
        <translation>&amp;Authentifizierung:</translation>
    </message>
    <message>
        <source>All traffic &amp;to:</source>
        <translation>Gesamter &amp;Datenverkehr an:</translation>
    </message>
    <message>
        <source>Give the endpoint a name.</source>
        <translation>Geben Sie dem Endpunkt einen Namen.</translation>
    </message>
</context>
<context>
    <name>mlwb::DeployDialog</name>
    <message>
        <source>Deploy</source>
        <translation>Bereitstellen</translation>
    </message>
    <message>
        <source>e.g. iris-service</source>
        <translation>z. B. iris-service</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>beliebiger freier Port</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Keys (Authorization: Bearer KEY)</source>
        <translation>Schlüssel (Authorization: Bearer KEY)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Serves:</source>
        <translation>Stellt bereit:</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Authentication:</source>
        <translation>&amp;Authentifizierung:</translation>
    </message>
    <message>
        <source>&amp;Deploy</source>
        <translation>&amp;Bereitstellen</translation>
    </message>
    <message>
        <source>The image runs with podman or docker where one runs containers here. Where none does, its models and scoring script are served as a local process with its environment&apos;s Python; the deployment&apos;s page says which and why.</source>
        <translation>Das Image wird mit podman oder docker ausgeführt, sofern eines davon hier Container ausführt. Andernfalls werden seine Modelle und sein Bewertungsskript als lokaler Prozess mit dem Python seiner Umgebung bereitgestellt; die Seite der Bereitstellung zeigt, welche Variante gewählt wurde und warum.</translation>
    </message>
    <message>
        <source>It will be %1.</source>
        <translation>Der Dienst wird %1.</translation>
    </message>
    <message>
        <source>Give the deployment a name.</source>
        <translation>Geben Sie der Bereitstellung einen Namen.</translation>
    </message>
    <message>
        <source>Exporting %1 and starting it with a container engine; this can take a minute…</source>
        <translation>%1 wird exportiert und mit einer Container-Engine gestartet; das kann eine Minute dauern…</translation>
    </message>
    <message>
        <source>%1 (SSH VM)</source>
        <translation>%1 (SSH-VM)</translation>
    </message>
    <message>
        <source>It will be %1. The port is forwarded to this computer, so the scoring URI is a 127.0.0.1 address here; the server keeps running on the VM when this app closes.</source>
        <translation>Sie wird %1. Der Port wird zu diesem Computer weitergeleitet, die Bewertungs-URI ist also eine 127.0.0.1-Adresse hier; der Server läuft auf der VM weiter, wenn diese App geschlossen wird.</translation>
    </message>
</context>
<context>
    <name>mlwb::DeploymentFront</name>
    <message>
        <source>The deployment&apos;s front cannot listen on 127.0.0.1:%1: %2</source>
        <translation>Der Vorschaltprozess der Bereitstellung kann nicht auf 127.0.0.1:%1 lauschen: %2</translation>
    </message>
    <message>
        <source>The deployment&apos;s front cannot listen on %1: %2</source>
        <translation>Der Vorschaltprozess der Bereitstellung kann nicht auf %1 lauschen: %2</translation>
    </message>
    <message>
        <source>{&quot;error&quot;: &quot;the scoring server on port %1 did not answer&quot;}</source>
        <translation>{&quot;error&quot;: &quot;der Bewertungsserver auf Port %1 hat nicht geantwortet&quot;}</translation>
    </message>
    <message>
        <source>No front answers on %1: %2</source>
        <translation>Auf %1 antwortet kein Vorschaltprozess: %2</translation>
    </message>
    <message>
        <source>The front on %1 did not answer &apos;%2&apos;.</source>
        <translation>Der Vorschaltprozess auf %1 hat auf „%2“ nicht geantwortet.</translation>
    </message>
</context>
<context>
    <name>mlwb::DeploymentPage</name>
    <message>
        <source>Healthy</source>
        <translation>Fehlerfrei</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation>Fehlerhaft</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Transitioning</source>
        <translation>Im Übergang</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Test</translation>
    </message>
    <message>
        <source>&amp;OpenAPI</source>
        <translation>&amp;OpenAPI</translation>
    </message>
    <message>
        <source>Tele&amp;metry</source>
        <translation>Tele&amp;metrie</translation>
    </message>
    <message>
        <source>&amp;Logs</source>
        <translation>&amp;Protokolle</translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation>Bereitstellung</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the scoring URI to the clipboard</source>
        <translation>Den Bewertungs-URI in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>St&amp;art</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Sto&amp;p…</source>
        <translation>B&amp;eenden…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Scoring URI:</source>
        <translation>Bewertungs-URI:</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>The OpenAPI document is fetched from /swagger.json once the service is healthy.</source>
        <translation>Das OpenAPI-Dokument wird von /swagger.json abgerufen, sobald der Dienst fehlerfrei läuft.</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>The document, from GET /swagger.json:</source>
        <translation>Das Dokument, von GET /swagger.json:</translation>
    </message>
    <message numerus="yes">
        <source>(restarted %n time(s) after a crash)</source>
        <translation>
            <numerusform>(nach einem Absturz %n-mal neu gestartet)</numerusform>
            <numerusform>(nach Abstürzen %n-mal neu gestartet)</numerusform>
        </translation>
    </message>
    <message>
        <source>scoring script %1</source>
        <translation>Bewertungsskript %1</translation>
    </message>
    <message>
        <source>the system Python</source>
        <translation>dem System-Python</translation>
    </message>
    <message>
        <source>environment version %1</source>
        <translation>Umgebungsversion %1</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>dieser Computer</translation>
    </message>
    <message>
        <source>a supervised process</source>
        <translation>überwachter Prozess</translation>
    </message>
    <message>
        <source>a container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>&lt;b&gt;Serves&lt;/b&gt; %1 with %2&lt;br&gt;&lt;b&gt;Target&lt;/b&gt; %3, as %4, port %5 · &lt;b&gt;Authentication&lt;/b&gt; %6</source>
        <translation>&lt;b&gt;Stellt bereit&lt;/b&gt; %1 mit %2&lt;br&gt;&lt;b&gt;Ziel&lt;/b&gt; %3, als %4, Port %5 · &lt;b&gt;Authentifizierung&lt;/b&gt; %6</translation>
    </message>
    <message>
        <source>keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Could not fetch the OpenAPI document: %1</source>
        <translation>Das OpenAPI-Dokument konnte nicht abgerufen werden: %1</translation>
    </message>
    <message>
        <source>Stop Deployment</source>
        <translation>Bereitstellung beenden</translation>
    </message>
    <message>
        <source>Stop %1? Its clients get no answer until it is started again.</source>
        <translation>%1 beenden? Die Clients erhalten keine Antwort, bis die Bereitstellung wieder gestartet wird.</translation>
    </message>
    <message>
        <source>Delete Deployment</source>
        <translation>Bereitstellung löschen</translation>
    </message>
    <message>
        <source>Delete %1? The service is stopped, and its record, folder, log and keys are removed. This cannot be undone.</source>
        <translation>%1 löschen? Der Dienst wird beendet, und sein Eintrag, sein Ordner, sein Protokoll und seine Schlüssel werden entfernt. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>the image&apos;s own Python</source>
        <translation>dem eigenen Python des Images</translation>
    </message>
    <message>
        <source>&amp;Update…</source>
        <translation>&amp;Aktualisieren…</translation>
    </message>
    <message>
        <source>Serve another model or image version without dropping a request</source>
        <translation>Eine andere Modell- oder Image-Version bereitstellen, ohne eine Anfrage zu verlieren</translation>
    </message>
    <message>
        <source>a detached process reached through an SSH forward</source>
        <translation>losgelöster Prozess, erreichbar über eine SSH-Weiterleitung</translation>
    </message>
    <message>
        <source>the VM&apos;s Python (%1)</source>
        <translation>dem Python der VM (%1)</translation>
    </message>
    <message>
        <source>Deployment Deleted</source>
        <translation>Bereitstellung gelöscht</translation>
    </message>
    <message>
        <source>%1 was deleted. %2</source>
        <translation>%1 wurde gelöscht. %2</translation>
    </message>
</context>
<context>
    <name>mlwb::DesktopNotifier</name>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Image build</source>
        <translation>Image-Build</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Registrierung</translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation>Bereitstellung</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>%1 after an unknown time</source>
        <translation>%1 nach unbekannter Dauer</translation>
    </message>
    <message>
        <source>%1 after %2</source>
        <translation>%1 nach %2</translation>
    </message>
    <message>
        <source>No D-Bus session bus: %1</source>
        <translation>Kein D-Bus-Sitzungsbus: %1</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
</context>
<context>
    <name>mlwb::DocumentArea</name>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>Editor</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Compare Runs</source>
        <translation>Läufe vergleichen</translation>
    </message>
    <message numerus="yes">
        <source>Compare %n run(s)</source>
        <translation>
            <numerusform>%n Lauf vergleichen</numerusform>
            <numerusform>%n Läufe vergleichen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1 (schreibgeschützt)</translation>
    </message>
    <message>
        <source>Compare Versions</source>
        <translation>Versionen vergleichen</translation>
    </message>
</context>
<context>
    <name>mlwb::EditorArea</name>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>&amp;Ordner öffnen…</translation>
    </message>
    <message>
        <source>Open F&amp;ile…</source>
        <translation>&amp;Datei öffnen…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Save A&amp;ll</source>
        <translation>&amp;Alle speichern</translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation>Tab sc&amp;hließen</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>R&amp;eplace…</source>
        <translation>&amp;Ersetzen…</translation>
    </message>
    <message>
        <source>&amp;Go to Line…</source>
        <translation>&amp;Gehe zu Zeile…</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>Save and run the project&apos;s run configuration (F5)</source>
        <translation>Laufkonfiguration des Projekts speichern und ausführen (F5)</translation>
    </message>
    <message>
        <source>Run &amp;Configuration…</source>
        <translation>&amp;Laufkonfiguration…</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 ist kein Ordner.</translation>
    </message>
    <message>
        <source>Open File</source>
        <translation>Datei öffnen</translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <translation>%1 (gelöscht)</translation>
    </message>
    <message>
        <source>%1
Deleted on disk; save to write it again.</source>
        <translation>%1
Auf dem Datenträger gelöscht; speichern Sie, um die Datei neu zu schreiben.</translation>
    </message>
    <message>
        <source>Open a project folder to edit and run its scripts.</source>
        <translation>Öffnen Sie einen Projektordner, um dessen Skripte zu bearbeiten und auszuführen.</translation>
    </message>
    <message>
        <source>Open a file from the project on the left.</source>
        <translation>Öffnen Sie links eine Datei aus dem Projekt.</translation>
    </message>
    <message>
        <source>Open Project Folder</source>
        <translation>Projektordner öffnen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Speichern unter</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Save the changes to these files?</source>
        <translation>Die Änderungen an diesen Dateien speichern?</translation>
    </message>
    <message>
        <source>Close Tab</source>
        <translation>Tab schließen</translation>
    </message>
    <message>
        <source>Save the changes to %1?</source>
        <translation>Die Änderungen an %1 speichern?</translation>
    </message>
    <message>
        <source>Go to Line</source>
        <translation>Gehe zu Zeile</translation>
    </message>
    <message>
        <source>Line (1–%1):</source>
        <translation>Zeile (1–%1):</translation>
    </message>
    <message>
        <source>File Changed on Disk</source>
        <translation>Datei auf dem Datenträger geändert</translation>
    </message>
    <message>
        <source>%1 was changed by another program while you have unsaved edits.</source>
        <translation>%1 wurde von einem anderen Programm geändert, während Sie ungespeicherte Änderungen haben.</translation>
    </message>
    <message>
        <source>Saving your version later overwrites the other change.</source>
        <translation>Wenn Sie Ihre Version später speichern, wird die andere Änderung überschrieben.</translation>
    </message>
    <message>
        <source>Reload (Lose Your Edits)</source>
        <translation>Neu laden (Ihre Änderungen verwerfen)</translation>
    </message>
    <message>
        <source>Keep Mine</source>
        <translation>Meine behalten</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Save your changes before running? The run uses the files as saved.</source>
        <translation>Änderungen vor dem Ausführen speichern? Der Lauf verwendet die Dateien im gespeicherten Zustand.</translation>
    </message>
    <message>
        <source>Save and Run</source>
        <translation>Speichern und ausführen</translation>
    </message>
    <message>
        <source>Run Without Saving</source>
        <translation>Ohne Speichern ausführen</translation>
    </message>
    <message>
        <source>Open a project folder first: Run starts its run configuration (%1).</source>
        <translation>Öffnen Sie zuerst einen Projektordner: Ausführen startet dessen Laufkonfiguration (%1).</translation>
    </message>
    <message>
        <source>The run configuration cannot be used.</source>
        <translation>Die Laufkonfiguration kann nicht verwendet werden.</translation>
    </message>
    <message>
        <source>Edit Run Configuration…</source>
        <translation>Laufkonfiguration bearbeiten…</translation>
    </message>
    <message>
        <source>Run Configuration</source>
        <translation>Laufkonfiguration</translation>
    </message>
    <message>
        <source>%1 cannot be read; fix it in the editor.

%2</source>
        <translation>%1 kann nicht gelesen werden; korrigieren Sie die Datei im Editor.

%2</translation>
    </message>
</context>
<context>
    <name>mlwb::EndpointPage</name>
    <message>
        <source>Traffic</source>
        <translation>Datenverkehr</translation>
    </message>
    <message>
        <source>Requests are routed by weight. A request with the header &lt;code&gt;azureml-model-deployment: NAME&lt;/code&gt; goes to that deployment. A new split takes effect without dropping requests in flight.</source>
        <translation>Anfragen werden nach Gewichtung verteilt. Eine Anfrage mit dem Header &lt;code&gt;azureml-model-deployment: NAME&lt;/code&gt; geht an diese Bereitstellung. Eine neue Aufteilung wird wirksam, ohne laufende Anfragen zu verwerfen.</translation>
    </message>
    <message>
        <source>This endpoint no longer exists.</source>
        <translation>Dieser Endpunkt existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Delete Endpoint</source>
        <translation>Endpunkt löschen</translation>
    </message>
    <message>
        <source>Delete the endpoint %1? Its URL stops answering; the deployments behind it keep running.</source>
        <translation>Den Endpunkt %1 löschen? Seine URL antwortet dann nicht mehr; die Bereitstellungen dahinter laufen weiter.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Scoring URI:</source>
        <translation>Bewertungs-URI:</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Send &amp;to:</source>
        <translation>Senden &amp;an:</translation>
    </message>
    <message>
        <source>Any deployment, by the split</source>
        <translation>Beliebige Bereitstellung, gemäß Aufteilung</translation>
    </message>
    <message>
        <source>%1 only (pinned)</source>
        <translation>Nur %1 (festgelegt)</translation>
    </message>
    <message>
        <source>This endpoint was deleted.</source>
        <translation>Dieser Endpunkt wurde gelöscht.</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Applying the split…</source>
        <translation>Aufteilung wird angewendet…</translation>
    </message>
    <message>
        <source>%1 now routes %2.</source>
        <translation>%1 verteilt den Datenverkehr jetzt: %2.</translation>
    </message>
    <message>
        <source>Deleting %1…</source>
        <translation>%1 wird gelöscht…</translation>
    </message>
    <message>
        <source>T&amp;est</source>
        <translation>&amp;Test</translation>
    </message>
    <message>
        <source>Tele&amp;metry</source>
        <translation>Tele&amp;metrie</translation>
    </message>
    <message>
        <source>Deplo&amp;yment:</source>
        <translation>&amp;Bereitstellung:</translation>
    </message>
    <message>
        <source>From the deployment&apos;s own /metrics: every request it answered, through this endpoint or called directly.</source>
        <translation>Aus dem eigenen /metrics der Bereitstellung: jede Anfrage, die sie beantwortet hat, über diesen Endpunkt oder direkt aufgerufen.</translation>
    </message>
</context>
<context>
    <name>mlwb::EndpointProxy</name>
    <message>
        <source>The endpoint cannot listen on 127.0.0.1:%1.</source>
        <translation>Der Endpunkt kann nicht auf 127.0.0.1:%1 lauschen.</translation>
    </message>
    <message>
        <source>The traffic of %1 cannot be negative.</source>
        <translation>Der Datenverkehr von %1 darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>The traffic split adds up to %1%; it must add up to 100%.</source>
        <translation>Die Datenverkehrsaufteilung ergibt in Summe %1 %; sie muss 100 % ergeben.</translation>
    </message>
    <message>
        <source>the endpoint has no deployment with traffic</source>
        <translation>der Endpunkt hat keine Bereitstellung mit Datenverkehr</translation>
    </message>
    <message>
        <source>the endpoint has no deployment named %1</source>
        <translation>der Endpunkt hat keine Bereitstellung namens %1</translation>
    </message>
    <message>
        <source>deployment %1 did not answer: %2</source>
        <translation>Bereitstellung %1 hat nicht geantwortet: %2</translation>
    </message>
    <message>
        <source>the endpoint needs a key: Authorization: Bearer KEY</source>
        <translation>der Endpunkt benötigt einen Schlüssel: Authorization: Bearer KEY</translation>
    </message>
</context>
<context>
    <name>mlwb::EndpointSupervisor</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot find the mlwb program to run the endpoint.</source>
        <translation>Das Programm mlwb zum Ausführen des Endpunkts wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>Could not start the endpoint&apos;s proxy (%1): %2</source>
        <translation>Der Proxy des Endpunkts konnte nicht gestartet werden (%1): %2</translation>
    </message>
    <message>
        <source>The proxy of endpoint %1 did not start: %2</source>
        <translation>Der Proxy des Endpunkts %1 ist nicht gestartet: %2</translation>
    </message>
    <message>
        <source>The proxy of endpoint %1 (pid %2) did not stop.</source>
        <translation>Der Proxy des Endpunkts %1 (PID %2) wurde nicht beendet.</translation>
    </message>
</context>
<context>
    <name>mlwb::EndpointTraffic</name>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>A&amp;pply Split</source>
        <translation>Aufteilung &amp;anwenden</translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation>Bereitstellung</translation>
    </message>
    <message>
        <source>Traffic %</source>
        <translation>Datenverkehr %</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Mean latency</source>
        <translation>Mittlere Latenz</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Total %1 %</source>
        <translation>Gesamt %1 %</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:#b3261e&quot;&gt;Total %1 %: it must be 100&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:#b3261e&quot;&gt;Gesamt %1 %: muss 100 sein&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>mlwb::Endpoints</name>
    <message>
        <source>There is no endpoint named &apos;%1&apos;.</source>
        <translation>Es gibt keinen Endpunkt namens „%1“.</translation>
    </message>
    <message>
        <source>An endpoint needs a name.</source>
        <translation>Ein Endpunkt benötigt einen Namen.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid endpoint name: use 1 to 64 letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;, starting with a letter or digit.</source>
        <translation>„%1“ ist kein gültiger Endpunktname: Verwenden Sie 1 bis 64 Buchstaben, Ziffern, „-“, „_“ oder „.“, beginnend mit einem Buchstaben oder einer Ziffer.</translation>
    </message>
    <message>
        <source>The auth of an endpoint is key or none, not &apos;%1&apos;.</source>
        <translation>Die Authentifizierung eines Endpunkts ist key oder none, nicht „%1“.</translation>
    </message>
    <message>
        <source>%1 is not a port.</source>
        <translation>%1 ist kein Port.</translation>
    </message>
    <message>
        <source>There is already an endpoint named &apos;%1&apos;.</source>
        <translation>Es gibt bereits einen Endpunkt namens „%1“.</translation>
    </message>
    <message>
        <source>Deployment &apos;%1&apos; is in the traffic split of endpoint &apos;%2&apos;; take it out of the split first (mlwb endpoint traffic %2 ...).</source>
        <translation>Die Bereitstellung „%1“ ist Teil der Datenverkehrsaufteilung des Endpunkts „%2“; nehmen Sie sie zuerst aus der Aufteilung heraus (mlwb endpoint traffic %2 ...).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not DEPLOYMENT=PERCENT, for example blue=90.</source>
        <translation>„%1“ hat nicht die Form DEPLOYMENT=PERCENT, zum Beispiel blue=90.</translation>
    </message>
</context>
<context>
    <name>mlwb::EnvironmentChoicePage</name>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>The environment version whose Python packages the scoring script needs, or none when the base image has all it needs.</source>
        <translation>Die Umgebungsversion mit den Python-Paketen, die das Bewertungsskript benötigt, oder keine, wenn das Basis-Image alles Nötige enthält.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Umgebung:</translation>
    </message>
    <message>
        <source>Packages:</source>
        <translation>Pakete:</translation>
    </message>
    <message>
        <source>No environment: the image runs the scoring script with the base image&apos;s Python as it is.</source>
        <translation>Keine Umgebung: Das Image führt das Bewertungsskript unverändert mit dem Python des Basis-Images aus.</translation>
    </message>
    <message>
        <source>This version lists no packages.</source>
        <translation>Diese Version führt keine Pakete auf.</translation>
    </message>
    <message>
        <source>%1

Which of these the base image already has is shown once the base is read, on the next page.</source>
        <translation>%1

Welche davon das Basis-Image bereits enthält, wird auf der nächsten Seite angezeigt, sobald die Basis gelesen wurde.</translation>
    </message>
</context>
<context>
    <name>mlwb::EnvironmentPage</name>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>This environment version no longer exists.</source>
        <translation>Diese Umgebungsversion existiert nicht mehr.</translation>
    </message>
    <message>
        <source>%1 · version %2</source>
        <translation>%1 · Version %2</translation>
    </message>
    <message>
        <source>Python: %1</source>
        <translation>Python: %1</translation>
    </message>
    <message>
        <source>base image: %1</source>
        <translation>Basis-Image: %1</translation>
    </message>
    <message>
        <source>aliases: %1</source>
        <translation>Aliasse: %1</translation>
    </message>
    <message>
        <source>created by %1 on %2</source>
        <translation>erstellt von %1 am %2</translation>
    </message>
</context>
<context>
    <name>mlwb::FindBar</name>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Ersetzen durch</translation>
    </message>
    <message>
        <source>Invalid regular expression</source>
        <translation>Ungültiger regulärer Ausdruck</translation>
    </message>
    <message>
        <source>Aa</source>
        <translation>Aa</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <source>W</source>
        <translation>W</translation>
    </message>
    <message>
        <source>Whole words</source>
        <translation>Ganze Wörter</translation>
    </message>
    <message>
        <source>.*</source>
        <translation>.*</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>Regulärer Ausdruck</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Vorheriger</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Nächster</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Replace All</source>
        <translation>Alle ersetzen</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message numerus="yes">
        <source>Replaced %n occurrence(s)</source>
        <translation>
            <numerusform>%n Vorkommen ersetzt</numerusform>
            <numerusform>%n Vorkommen ersetzt</numerusform>
        </translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mlwb::IdentityPage</name>
    <message>
        <source>A ne&amp;w model</source>
        <translation>Ein &amp;neues Modell</translation>
    </message>
    <message>
        <source>A new version of an &amp;existing model</source>
        <translation>Eine neue Version eines &amp;vorhandenen Modells</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <source>Name the model and say what this version is.</source>
        <translation>Benennen Sie das Modell und beschreiben Sie diese Version.</translation>
    </message>
    <message>
        <source>e.g. credit-risk</source>
        <translation>z. B. credit-risk</translation>
    </message>
    <message>
        <source>One KEY=VALUE a line, e.g. stage=candidate</source>
        <translation>Ein KEY=VALUE pro Zeile, z. B. stage=candidate</translation>
    </message>
    <message>
        <source>e.g. staging production</source>
        <translation>z. B. staging production</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>&amp;Tags:</translation>
    </message>
    <message>
        <source>&amp;Aliases:</source>
        <translation>&amp;Aliasse:</translation>
    </message>
    <message>
        <source>&amp;Framework:</source>
        <translation>&amp;Framework:</translation>
    </message>
    <message>
        <source>En&amp;vironment:</source>
        <translation>&amp;Umgebung:</translation>
    </message>
    <message>
        <source>The models could not be read: %1</source>
        <translation>Die Modelle konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Enter a name for the new model.</source>
        <translation>Geben Sie einen Namen für das neue Modell ein.</translation>
    </message>
    <message>
        <source>Pick the model to add a version to.</source>
        <translation>Wählen Sie das Modell, dem eine Version hinzugefügt werden soll.</translation>
    </message>
    <message>
        <source>There is already a model named &apos;%1&apos;: register a new version of it instead, or choose another name.</source>
        <translation>Es gibt bereits ein Modell namens „%1“: Registrieren Sie stattdessen eine neue Version davon oder wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Tag line %1 is not KEY=VALUE: &apos;%2&apos;.</source>
        <translation>Tag-Zeile %1 ist nicht KEY=VALUE: „%2“.</translation>
    </message>
    <message>
        <source>This will be version %1 of &apos;%2&apos;.</source>
        <translation>Dies wird Version %1 von „%2“.</translation>
    </message>
</context>
<context>
    <name>mlwb::ImageActions</name>
    <message>
        <source>Build Image</source>
        <translation>Image erstellen</translation>
    </message>
    <message>
        <source>Building image %1…</source>
        <translation>Image %1 wird erstellt…</translation>
    </message>
    <message>
        <source>Build image %1</source>
        <translation>Image %1 erstellen</translation>
    </message>
    <message>
        <source>Built image %1</source>
        <translation>Image %1 erstellt</translation>
    </message>
    <message>
        <source>The image was not built</source>
        <translation>Das Image wurde nicht erstellt</translation>
    </message>
</context>
<context>
    <name>mlwb::ImageBuilder</name>
    <message>
        <source>%1 is not a port: use 1 to 65535.</source>
        <translation>%1 ist kein Port: Verwenden Sie 1 bis 65535.</translation>
    </message>
    <message>
        <source>The source folder %1 does not exist.</source>
        <translation>Der Quellordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>%1 kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Cannot create a staging folder in %1: %2</source>
        <translation>In %1 kann kein Staging-Ordner erstellt werden: %2</translation>
    </message>
    <message>
        <source>The base image %1 is unchanged since it was read</source>
        <translation>Das Basis-Image %1 ist seit dem Lesen unverändert</translation>
    </message>
    <message>
        <source>Reading the base image %1</source>
        <translation>Basis-Image %1 wird gelesen</translation>
    </message>
    <message>
        <source>The base image %1 has no Python 3 (no usr/lib/python3.X in its layers); the scoring server needs one.</source>
        <translation>Das Basis-Image %1 hat kein Python 3 (kein usr/lib/python3.X in seinen Schichten); der Bewertungsserver benötigt eines.</translation>
    </message>
    <message>
        <source>Base: %1/%2, %3 layers, %4 bytes, Python %5</source>
        <translation>Basis: %1/%2, %3 Schichten, %4 Bytes, Python %5</translation>
    </message>
    <message>
        <source>The base already has: %1</source>
        <translation>Die Basis enthält bereits: %1</translation>
    </message>
    <message>
        <source>The %1 layer is unchanged</source>
        <translation>Die Schicht %1 ist unverändert</translation>
    </message>
    <message>
        <source>Writing the %1 layer (%2 files)</source>
        <translation>Schicht %1 wird geschrieben (%2 Dateien)</translation>
    </message>
    <message>
        <source>  %1 %2 bytes</source>
        <translation>  %1 %2 Bytes</translation>
    </message>
    <message>
        <source>The build was canceled.</source>
        <translation>Der Build wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Unpacking the wheels of %1 into /%2</source>
        <translation>Wheels aus %1 werden nach /%2 entpackt</translation>
    </message>
    <message>
        <source>The base and the wheel layer have: %1</source>
        <translation>Die Basis und die Wheel-Schicht enthalten: %1</translation>
    </message>
    <message>
        <source>Installed with pip when the service first starts, which needs network access at deploy time: %1</source>
        <translation>Wird beim ersten Start des Dienstes mit pip installiert, was Netzwerkzugang bei der Bereitstellung benötigt: %1</translation>
    </message>
    <message>
        <source>Missing from the base, so not in this image: %1. Use a base that has them, add a folder of wheels (--wheels DIR), or install them when the service first starts (--install-missing-at-start; that needs network access at deploy time).</source>
        <translation>Fehlt in der Basis und daher nicht in diesem Image: %1. Verwenden Sie eine Basis, die sie enthält, fügen Sie einen Ordner mit Wheels hinzu (--wheels DIR), oder installieren Sie sie beim ersten Start des Dienstes (--install-missing-at-start; das benötigt Netzwerkzugang bei der Bereitstellung).</translation>
    </message>
</context>
<context>
    <name>mlwb::ImagePage</name>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>&amp;Push…</source>
        <translation>&amp;Pushen…</translation>
    </message>
    <message>
        <source>&amp;Deploy…</source>
        <translation>&amp;Bereitstellen…</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Digest</translation>
    </message>
    <message>
        <source>&lt;b&gt;Layers&lt;/b&gt;</source>
        <translation>&lt;b&gt;Schichten&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>This image no longer exists.</source>
        <translation>Dieses Image existiert nicht mehr.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Inputs&lt;/b&gt;&lt;br&gt;Models: %1&lt;br&gt;Environment: %2&lt;br&gt;Base: %3 (%4/%5, Python %6)&lt;br&gt;Scoring script: %7</source>
        <translation>&lt;b&gt;Eingaben&lt;/b&gt;&lt;br&gt;Modelle: %1&lt;br&gt;Umgebung: %2&lt;br&gt;Basis: %3 (%4/%5, Python %6)&lt;br&gt;Bewertungsskript: %7</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>&lt;b&gt;Load it&lt;/b&gt; (export first, then load):&lt;br&gt;&lt;code&gt;mlwb image export %1 %2&lt;/code&gt;&lt;br&gt;&lt;code&gt;podman load -i %2&lt;/code&gt;</source>
        <translation>&lt;b&gt;Laden&lt;/b&gt; (zuerst exportieren, dann laden):&lt;br&gt;&lt;code&gt;mlwb image export %1 %2&lt;/code&gt;&lt;br&gt;&lt;code&gt;podman load -i %2&lt;/code&gt;</translation>
    </message>
    <message>
        <source>base %1</source>
        <translation>Basis %1</translation>
    </message>
    <message>
        <source>Model version %1 no longer exists.</source>
        <translation>Die Modellversion %1 existiert nicht mehr.</translation>
    </message>
    <message>
        <source>OCI archive (*.tar)</source>
        <translation>OCI-Archiv (*.tar)</translation>
    </message>
    <message>
        <source>docker-archive for docker load (*.tar)</source>
        <translation>docker-archive für docker load (*.tar)</translation>
    </message>
    <message>
        <source>Export Image</source>
        <translation>Image exportieren</translation>
    </message>
    <message>
        <source>Export image %1</source>
        <translation>Image %1 exportieren</translation>
    </message>
    <message>
        <source>Push image %1</source>
        <translation>Image %1 pushen</translation>
    </message>
    <message>
        <source>The push failed: %1</source>
        <translation>Der Push ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Delete Image</source>
        <translation>Image löschen</translation>
    </message>
    <message>
        <source>Delete %1 and the layers no other image uses?</source>
        <translation>%1 und die Schichten, die kein anderes Image verwendet, löschen?</translation>
    </message>
    <message>
        <source>Deleted image %1</source>
        <translation>Image %1 gelöscht</translation>
    </message>
    <message>
        <source>Packages in the image: %1</source>
        <translation>Pakete im Image: %1</translation>
    </message>
    <message>
        <source>From the wheel folder: %1</source>
        <translation>Aus dem Wheel-Ordner: %1</translation>
    </message>
    <message>
        <source>Installed by pip at first start (needs network access): %1</source>
        <translation>Beim ersten Start mit pip installiert (benötigt Netzwerkzugang): %1</translation>
    </message>
    <message>
        <source>Missing from the image: %1</source>
        <translation>Fehlt im Image: %1</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Begrenzung</translation>
    </message>
    <message>
        <source>&lt;b&gt;Configuration&lt;/b&gt;&lt;br&gt;Port: %1 · CPU: %2 · Memory: %3&lt;br&gt;Environment variables: %4&lt;br&gt;Entrypoint: %5&lt;br&gt;Labels:&lt;br&gt;%6</source>
        <translation>&lt;b&gt;Konfiguration&lt;/b&gt;&lt;br&gt;Port: %1 · CPU: %2 · Arbeitsspeicher: %3&lt;br&gt;Umgebungsvariablen: %4&lt;br&gt;Einstiegspunkt: %5&lt;br&gt;Labels:&lt;br&gt;%6</translation>
    </message>
</context>
<context>
    <name>mlwb::KeyValueTable</name>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>mlwb::LocalTargetDialog</name>
    <message>
        <source>Edit Compute Target: this computer</source>
        <translation>Rechenziel bearbeiten: dieser Computer</translation>
    </message>
    <message numerus="yes">
        <source>one per core (%n)</source>
        <translation>
            <numerusform>einer pro Kern (%n)</numerusform>
            <numerusform>einer pro Kern (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Runs over the limit wait in the queue, oldest first. A new limit applies to runs already queued.</source>
        <translation>Läufe über der Begrenzung warten in der Warteschlange, älteste zuerst. Eine neue Begrenzung gilt auch für Läufe, die bereits in der Warteschlange sind.</translation>
    </message>
    <message>
        <source>&amp;Concurrent runs:</source>
        <translation>&amp;Gleichzeitige Läufe:</translation>
    </message>
</context>
<context>
    <name>mlwb::LogView</name>
    <message>
        <source>Nothing has been written to the log yet.</source>
        <translation>Es wurde noch nichts in das Protokoll geschrieben.</translation>
    </message>
    <message>
        <source>Find in log (Ctrl+F)</source>
        <translation>Im Protokoll suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Vorheriger Treffer (Umschalt+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Nächster Treffer (F3)</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Folgen</translation>
    </message>
    <message>
        <source>Keep the newest output in view</source>
        <translation>Die neueste Ausgabe im Blick behalten</translation>
    </message>
    <message>
        <source>The log could not be read: %1</source>
        <translation>Das Protokoll konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Older lines are not shown: this view keeps the last %1 lines. The whole log is %2</source>
        <translation>Ältere Zeilen werden nicht angezeigt: Diese Ansicht behält die letzten %1 Zeilen. Das vollständige Protokoll ist %2</translation>
    </message>
    <message>
        <source>%1+ matches</source>
        <translation>%1+ Treffer</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 Treffer</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 Treffer</translation>
    </message>
</context>
<context>
    <name>mlwb::MainWindow</name>
    <message>
        <source>Could not open the workspace in %1: %2</source>
        <translation>Der Arbeitsbereich in %1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>ML Workbench</source>
        <translation>ML Workbench</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <source>Tasks and Log</source>
        <translation>Aufgaben und Protokoll</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New Workspace…</source>
        <translation>&amp;Neuer Arbeitsbereich…</translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation>Arbeitsbereich ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About ML Workbench</source>
        <translation>Über ML &amp;Workbench</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Opened workspace %1</source>
        <translation>Arbeitsbereich %1 geöffnet</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>%1 could not be opened.

%2</source>
        <translation>%1 konnte nicht geöffnet werden.

%2</translation>
    </message>
    <message>
        <source>No recent workspaces</source>
        <translation>Keine zuletzt geöffneten Arbeitsbereiche</translation>
    </message>
    <message>
        <source>About ML Workbench</source>
        <translation>Über ML Workbench</translation>
    </message>
    <message>
        <source>&lt;h3&gt;ML Workbench %1&lt;/h3&gt;&lt;p&gt;The Azure Machine Learning workspace on your own machine and your own Linux VMs: experiments, runs and metrics, models, images and deployments.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ML Workbench %1&lt;/h3&gt;&lt;p&gt;Der Azure-Machine-Learning-Arbeitsbereich auf Ihrem eigenen Rechner und Ihren eigenen Linux-VMs: Experimente, Läufe und Metriken, Modelle, Images und Bereitstellungen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open &amp;Project Folder…</source>
        <translation>&amp;Projektordner öffnen…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>Aus&amp;führen</translation>
    </message>
    <message>
        <source>&amp;Compute</source>
        <translation>&amp;Rechenziele</translation>
    </message>
    <message>
        <source>&amp;Attach Linux VM…</source>
        <translation>Linux-VM &amp;anbinden…</translation>
    </message>
    <message>
        <source>Cannot run %1</source>
        <translation>%1 kann nicht ausgeführt werden</translation>
    </message>
    <message>
        <source>Submitting %1 to %2…</source>
        <translation>%1 wird an %2 übermittelt…</translation>
    </message>
    <message>
        <source>Submitted run %1</source>
        <translation>Lauf %1 übermittelt</translation>
    </message>
    <message>
        <source>The run was not submitted</source>
        <translation>Der Lauf wurde nicht übermittelt</translation>
    </message>
    <message numerus="yes">
        <source>Reattached to %n unfinished run(s).</source>
        <translation>
            <numerusform>Wieder mit %n nicht abgeschlossenen Lauf verbunden.</numerusform>
            <numerusform>Wieder mit %n nicht abgeschlossenen Läufen verbunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;All Runs</source>
        <translation>All&amp;e Läufe</translation>
    </message>
    <message>
        <source>All Runs</source>
        <translation>Alle Läufe</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>E&amp;infügen</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>A&amp;lles auswählen</translation>
    </message>
    <message>
        <source>Attach Linux VM</source>
        <translation>Linux-VM anbinden</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1 (schreibgeschützt)</translation>
    </message>
    <message>
        <source>Opened workspace %1 read-only: %2.</source>
        <translation>Arbeitsbereich %1 schreibgeschützt geöffnet: %2.</translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation>Schreibgeschützt: %1</translation>
    </message>
    <message>
        <source>This workspace cannot be changed: %1.</source>
        <translation>Dieser Arbeitsbereich kann nicht geändert werden: %1.</translation>
    </message>
    <message>
        <source>Compare Versions</source>
        <translation>Versionen vergleichen</translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation>&amp;Modelle</translation>
    </message>
    <message>
        <source>&amp;Register Model…</source>
        <translation>Modell &amp;registrieren…</translation>
    </message>
    <message numerus="yes">
        <source>Reattached to %n deployment(s).</source>
        <translation>
            <numerusform>Wieder mit %n Bereitstellung verbunden.</numerusform>
            <numerusform>Wieder mit %n Bereitstellungen verbunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Build &amp;Image…</source>
        <translation>&amp;Image erstellen…</translation>
    </message>
    <message>
        <source>&amp;Deploy…</source>
        <translation>&amp;Bereitstellen…</translation>
    </message>
    <message>
        <source>Create &amp;Endpoint…</source>
        <translation>&amp;Endpunkt erstellen…</translation>
    </message>
    <message numerus="yes">
        <source>Started the proxy of %n endpoint(s) again.</source>
        <translation>
            <numerusform>Der Proxy von %n Endpunkt wurde erneut gestartet.</numerusform>
            <numerusform>Die Proxys von %n Endpunkten wurden erneut gestartet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mlwb::MetricChartView</name>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>seconds since start</source>
        <translation>Sekunden seit Start</translation>
    </message>
    <message>
        <source>minutes since start</source>
        <translation>Minuten seit Start</translation>
    </message>
    <message>
        <source>hours since start</source>
        <translation>Stunden seit Start</translation>
    </message>
    <message>
        <source>Cannot write the chart to %1.</source>
        <translation>Das Diagramm kann nicht nach %1 geschrieben werden.</translation>
    </message>
    <message>
        <source>min–max</source>
        <translation>Min.–Max.</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <source>%1 (raw %2)</source>
        <translation>%1 (roh %2)</translation>
    </message>
</context>
<context>
    <name>mlwb::MetricValuesView</name>
    <message>
        <source>Run:</source>
        <translation>Lauf:</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Linien</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Draw lists and rows as lines or as points</source>
        <translation>Listen und Zeilen als Linien oder als Punkte zeichnen</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>No run chosen.</source>
        <translation>Kein Lauf ausgewählt.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>This run logged no strings, lists, rows, tables or images.</source>
        <translation>Dieser Lauf hat keine Texte, Listen, Zeilen, Tabellen oder Bilder protokolliert.</translation>
    </message>
    <message>
        <source>The run has no metric &apos;%1&apos;.</source>
        <translation>Der Lauf hat keine Metrik „%1“.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a number: its chart is on the Charts page.</source>
        <translation>„%1“ ist eine Zahl: Ihr Diagramm ist auf der Seite „Diagramme“.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no values yet.</source>
        <translation>„%1“ hat noch keine Werte.</translation>
    </message>
    <message>
        <source>step %1 (missing)</source>
        <translation>Schritt %1 (fehlt)</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <source>element</source>
        <translation>Element</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Cannot read the image %1.</source>
        <translation>Das Bild %1 kann nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>mlwb::ModelVersionPage</name>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Tags and properties</source>
        <translation>Tags und Eigenschaften</translation>
    </message>
    <message>
        <source>What this version is, how it was trained, what it is for</source>
        <translation>Was diese Version ist, wie sie trainiert wurde, wofür sie gedacht ist</translation>
    </message>
    <message>
        <source>Save Description</source>
        <translation>Beschreibung speichern</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Beschreibung:</translation>
    </message>
    <message>
        <source>Lineage:</source>
        <translation>Herkunft:</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>Umgebung:</translation>
    </message>
    <message>
        <source>Used by:</source>
        <translation>Verwendet von:</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <source>Model version</source>
        <translation>Modellversion</translation>
    </message>
    <message>
        <source>This model version no longer exists.</source>
        <translation>Diese Modellversion existiert nicht mehr.</translation>
    </message>
    <message>
        <source>%1 · version %2</source>
        <translation>%1 · Version %2</translation>
    </message>
    <message>
        <source>%1 · %2 · registered by %3 on %4 · sha256 %5</source>
        <translation>%1 · %2 · registriert von %3 am %4 · sha256 %5</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>benutzerdefiniert</translation>
    </message>
    <message>
        <source>The files of this version cannot be read: %1</source>
        <translation>Die Dateien dieser Version können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Files (%1)</source>
        <translation>Dateien (%1)</translation>
    </message>
    <message>
        <source>Uploaded from %1</source>
        <translation>Hochgeladen von %1</translation>
    </message>
    <message>
        <source>Run %1, which cannot be read: %2</source>
        <translation>Lauf %1, der nicht gelesen werden kann: %2</translation>
    </message>
    <message>
        <source>Run %1 of experiment %2, file %3</source>
        <translation>Lauf %1 des Experiments %2, Datei %3</translation>
    </message>
    <message>
        <source>no snapshot</source>
        <translation>kein Snapshot</translation>
    </message>
    <message>
        <source>snapshot %1</source>
        <translation>Snapshot %1</translation>
    </message>
    <message>
        <source>metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>None recorded</source>
        <translation>Nichts aufgezeichnet</translation>
    </message>
    <message>
        <source>image %1</source>
        <translation>Image %1</translation>
    </message>
    <message>
        <source>deployment %1 (%2)</source>
        <translation>Bereitstellung %1 (%2)</translation>
    </message>
    <message>
        <source>(the images and deployments cannot be read: %1)</source>
        <translation>(die Images und Bereitstellungen können nicht gelesen werden: %1)</translation>
    </message>
    <message>
        <source>No image or deployment uses this version yet.</source>
        <translation>Noch kein Image und keine Bereitstellung verwendet diese Version.</translation>
    </message>
    <message>
        <source>The description was not saved: %1</source>
        <translation>Die Beschreibung wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>The tags were not saved: %1</source>
        <translation>Die Tags wurden nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>The properties were not saved: %1</source>
        <translation>Die Eigenschaften wurden nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Build &amp;Image…</source>
        <translation>&amp;Image erstellen…</translation>
    </message>
</context>
<context>
    <name>mlwb::ModelsPage</name>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Tick the registered model versions the image serves.</source>
        <translation>Kreuzen Sie die registrierten Modellversionen an, die das Image bereitstellt.</translation>
    </message>
    <message>
        <source>Search by name, version or framework</source>
        <translation>Nach Name, Version oder Framework suchen</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>There is no registered model yet: register one first (Models ▸ Register Model…).</source>
        <translation>Es gibt noch kein registriertes Modell: Registrieren Sie zuerst eines (Modelle ▸ Modell registrieren…).</translation>
    </message>
</context>
<context>
    <name>mlwb::Notifications</name>
    <message>
        <source>&amp;Notifications</source>
        <translation>&amp;Benachrichtigungen</translation>
    </message>
    <message>
        <source>When a &amp;Run Ends</source>
        <translation>Wenn ein &amp;Lauf endet</translation>
    </message>
    <message>
        <source>When an &amp;Image Build Ends</source>
        <translation>Wenn ein &amp;Image-Build endet</translation>
    </message>
    <message>
        <source>When a Model &amp;Registration Ends</source>
        <translation>Wenn eine Modell&amp;registrierung endet</translation>
    </message>
    <message>
        <source>When a &amp;Deployment Ends</source>
        <translation>Wenn eine &amp;Bereitstellung endet</translation>
    </message>
</context>
<context>
    <name>mlwb::OutputsBrowser</name>
    <message>
        <source>No outputs yet. Files the script writes to ./outputs appear here.</source>
        <translation>Noch keine Ausgaben. Dateien, die das Skript nach ./outputs schreibt, erscheinen hier.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Reveal in Folder</source>
        <translation>Im Ordner anzeigen</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>No application could open %1.</source>
        <translation>Keine Anwendung konnte %1 öffnen.</translation>
    </message>
    <message>
        <source>The folder %1 could not be opened.</source>
        <translation>Der Ordner %1 konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Save Output As</source>
        <translation>Ausgabe speichern unter</translation>
    </message>
    <message>
        <source>A file cannot be saved over itself.</source>
        <translation>Eine Datei kann nicht über sich selbst gespeichert werden.</translation>
    </message>
    <message>
        <source>%1 could not be replaced: %2</source>
        <translation>%1 konnte nicht ersetzt werden: %2</translation>
    </message>
    <message>
        <source>%1 could not be saved as %2: %3</source>
        <translation>%1 konnte nicht als %2 gespeichert werden: %3</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>Ausgaben</translation>
    </message>
    <message>
        <source>Register Model…</source>
        <translation>Modell registrieren…</translation>
    </message>
    <message>
        <source>Register the selected file or folder (or all outputs) as a model</source>
        <translation>Die ausgewählte Datei bzw. den Ordner (oder alle Ausgaben) als Modell registrieren</translation>
    </message>
</context>
<context>
    <name>mlwb::ParallelCoordinates</name>
    <message>
        <source>Axes</source>
        <translation>Achsen</translation>
    </message>
    <message>
        <source>Choose the parameters and metrics to show as axes</source>
        <translation>Die Parameter und Metriken auswählen, die als Achsen erscheinen</translation>
    </message>
    <message>
        <source>%1 (min)</source>
        <translation>%1 (Min.)</translation>
    </message>
    <message>
        <source>%1 (max)</source>
        <translation>%1 (Max.)</translation>
    </message>
    <message>
        <source>%1 (last)</source>
        <translation>%1 (letzter Wert)</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>The runs have no parameters or metrics</source>
        <translation>Die Läufe haben keine Parameter oder Metriken</translation>
    </message>
    <message>
        <source>Default Axes</source>
        <translation>Standardachsen</translation>
    </message>
    <message>
        <source>Select runs with parameters or metrics to compare them here.</source>
        <translation>Wählen Sie Läufe mit Parametern oder Metriken, um sie hier zu vergleichen.</translation>
    </message>
    <message>
        <source>Choose the axes to show with the Axes button.</source>
        <translation>Wählen Sie die angezeigten Achsen mit der Schaltfläche „Achsen“.</translation>
    </message>
</context>
<context>
    <name>mlwb::ParamScatter</name>
    <message>
        <source>X parameter:</source>
        <translation>X-Parameter:</translation>
    </message>
    <message>
        <source>Y metric:</source>
        <translation>Y-Metrik:</translation>
    </message>
</context>
<context>
    <name>mlwb::PathField</name>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
</context>
<context>
    <name>mlwb::PropertiesPanel</name>
    <message>
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>Nichts ausgewählt</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Ids and stored settings</source>
        <translation>IDs und gespeicherte Einstellungen</translation>
    </message>
</context>
<context>
    <name>mlwb::PushDialog</name>
    <message>
        <source>&amp;Verify the registry&apos;s TLS certificate</source>
        <translation>TLS-Zertifikat der Registry &amp;überprüfen</translation>
    </message>
    <message>
        <source>Push %1</source>
        <translation>%1 pushen</translation>
    </message>
    <message>
        <source>REGISTRY/REPO:TAG, e.g. 127.0.0.1:5000/team/iris:1</source>
        <translation>REGISTRY/REPO:TAG, z. B. 127.0.0.1:5000/team/iris:1</translation>
    </message>
    <message>
        <source>&amp;Push</source>
        <translation>&amp;Pushen</translation>
    </message>
    <message>
        <source>&amp;Destination:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <source>from the login files</source>
        <translation>aus den Anmeldedateien</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>Leave these empty to use the credentials that podman login, skopeo login or docker login wrote. What is typed here is used for this push only and never stored.</source>
        <translation>Lassen Sie diese Felder leer, um die Anmeldedaten zu verwenden, die podman login, skopeo login oder docker login geschrieben hat. Was Sie hier eingeben, wird nur für diesen Push verwendet und nie gespeichert.</translation>
    </message>
    <message>
        <source>the Push dialog</source>
        <translation>dem Push-Dialog</translation>
    </message>
</context>
<context>
    <name>mlwb::RegisterModelWizard</name>
    <message>
        <source>Register Model</source>
        <translation>Modell registrieren</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Registrieren</translation>
    </message>
</context>
<context>
    <name>mlwb::RegistryActions</name>
    <message>
        <source>Register Model</source>
        <translation>Modell registrieren</translation>
    </message>
    <message>
        <source>Registering model %1…</source>
        <translation>Modell %1 wird registriert…</translation>
    </message>
    <message>
        <source>Registered model %1, version %2</source>
        <translation>Modell %1 registriert, Version %2</translation>
    </message>
    <message>
        <source>The model was not registered</source>
        <translation>Das Modell wurde nicht registriert</translation>
    </message>
</context>
<context>
    <name>mlwb::RequestHistory</name>
    <message>
        <source>&amp;Resend</source>
        <translation>&amp;Erneut senden</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>%1  no answer (%2)</source>
        <translation>%1  keine Antwort (%2)</translation>
    </message>
    <message>
        <source>%1  HTTP %2  %3 ms</source>
        <translation>%1  HTTP %2  %3 ms</translation>
    </message>
</context>
<context>
    <name>mlwb::RunConfigDialog</name>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Row %1 of %2 has a value but no name.</source>
        <translation>Zeile %1 von %2 hat einen Wert, aber keinen Namen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid environment variable name (letters, digits and _, not starting with a digit).</source>
        <translation>„%1“ ist kein gültiger Name für eine Umgebungsvariable (Buchstaben, Ziffern und _, nicht beginnend mit einer Ziffer).</translation>
    </message>
    <message>
        <source>%1 names &quot;%2&quot; twice.</source>
        <translation>%1 enthält „%2“ zweimal.</translation>
    </message>
    <message>
        <source>%1 (this computer)</source>
        <translation>%1 (dieser Computer)</translation>
    </message>
    <message>
        <source>%1 (ssh: %2)</source>
        <translation>%1 (ssh: %2)</translation>
    </message>
    <message>
        <source>Run Configuration</source>
        <translation>Laufkonfiguration</translation>
    </message>
    <message>
        <source>Optional; shown instead of the run id</source>
        <translation>Optional; wird anstelle der Lauf-ID angezeigt</translation>
    </message>
    <message>
        <source>e.g. python3 train.py --lr 0.1</source>
        <translation>z. B. python3 train.py --lr 0.1</translation>
    </message>
    <message>
        <source>python3 on the compute target</source>
        <translation>python3 auf dem Rechenziel</translation>
    </message>
    <message>
        <source>The project folder</source>
        <translation>Der Projektordner</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Keine Begrenzung</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>&amp;Experiment:</source>
        <translation>&amp;Experiment:</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>Anzeige&amp;name:</translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation>&amp;Befehl:</translation>
    </message>
    <message>
        <source>Script…</source>
        <translation>Skript…</translation>
    </message>
    <message>
        <source>&amp;Interpreter:</source>
        <translation>&amp;Interpreter:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Working directory:</source>
        <translation>&amp;Arbeitsverzeichnis:</translation>
    </message>
    <message>
        <source>Compute &amp;target:</source>
        <translation>Rechen&amp;ziel:</translation>
    </message>
    <message>
        <source>Time &amp;limit:</source>
        <translation>Zeit&amp;limit:</translation>
    </message>
    <message>
        <source>En&amp;vironment variables:</source>
        <translation>&amp;Umgebungsvariablen:</translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation>&amp;Tags:</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Experiments could not be listed: %1</source>
        <translation>Experimente konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Compute targets could not be listed: %1</source>
        <translation>Rechenziele konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>%1 (not in this workspace)</source>
        <translation>%1 (nicht in diesem Arbeitsbereich)</translation>
    </message>
    <message>
        <source>Environment variables</source>
        <translation>Umgebungsvariablen</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>The compute target &quot;%1&quot; is not in this workspace.</source>
        <translation>Das Rechenziel „%1“ ist nicht in diesem Arbeitsbereich.</translation>
    </message>
    <message>
        <source>Choose the Script to Run</source>
        <translation>Auszuführendes Skript auswählen</translation>
    </message>
    <message>
        <source>Python scripts (*.py);;All files (*)</source>
        <translation>Python-Skripte (*.py);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The script must be inside the project folder %1: only that folder is copied into the run&apos;s snapshot.</source>
        <translation>Das Skript muss im Projektordner %1 liegen: Nur dieser Ordner wird in den Snapshot des Laufs kopiert.</translation>
    </message>
    <message>
        <source>Choose the Python Interpreter</source>
        <translation>Python-Interpreter auswählen</translation>
    </message>
    <message>
        <source>Choose the Working Directory</source>
        <translation>Arbeitsverzeichnis auswählen</translation>
    </message>
    <message>
        <source> seconds</source>
        <translation> Sekunden</translation>
    </message>
    <message>
        <source>ssh exited with code %1</source>
        <translation>ssh wurde mit Code %1 beendet</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>wird geprüft…</translation>
    </message>
    <message>
        <source>reachable</source>
        <translation>erreichbar</translation>
    </message>
    <message>
        <source>unreachable: %1</source>
        <translation>nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>Runs in flight could not be counted: %1</source>
        <translation>Die nicht abgeschlossenen Läufe konnten nicht gezählt werden: %1</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>im Leerlauf</translation>
    </message>
</context>
<context>
    <name>mlwb::RunDetails</name>
    <message>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>Wird vorbereitet</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Finalizing</source>
        <translation>Wird abgeschlossen</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>Ausgaben</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>Snapshot</translation>
    </message>
    <message>
        <source>Live updates are off: %1</source>
        <translation>Live-Aktualisierungen sind aus: %1</translation>
    </message>
    <message>
        <source>Cancel Run</source>
        <translation>Lauf abbrechen</translation>
    </message>
    <message>
        <source>Stop the run&apos;s process and mark it Canceled</source>
        <translation>Den Prozess des Laufs stoppen und ihn als abgebrochen markieren</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>Lauf %1</translation>
    </message>
    <message>
        <source>Metrics (%1)</source>
        <translation>Metriken (%1)</translation>
    </message>
    <message>
        <source>This run no longer exists.</source>
        <translation>Dieser Lauf existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Canceling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Stop run %1? Its process is ended and the run is marked Canceled.</source>
        <translation>Lauf %1 stoppen? Sein Prozess wird beendet und der Lauf als abgebrochen markiert.</translation>
    </message>
    <message>
        <source>The run could not be canceled: %1</source>
        <translation>Der Lauf konnte nicht abgebrochen werden: %1</translation>
    </message>
    <message>
        <source>This run has no snapshot yet.</source>
        <translation>Dieser Lauf hat noch keinen Snapshot.</translation>
    </message>
    <message>
        <source>The snapshot file %1 is missing from the workspace.</source>
        <translation>Die Snapshot-Datei %1 fehlt im Arbeitsbereich.</translation>
    </message>
    <message>
        <source>The run&apos;s snapshot is not on record in this workspace.</source>
        <translation>Der Snapshot des Laufs ist in diesem Arbeitsbereich nicht verzeichnet.</translation>
    </message>
    <message>
        <source>Problems reading this run&apos;s files: %1</source>
        <translation>Probleme beim Lesen der Dateien dieses Laufs: %1</translation>
    </message>
    <message>
        <source>This is a binary file (%1); it is not shown.</source>
        <translation>Dies ist eine Binärdatei (%1); sie wird nicht angezeigt.</translation>
    </message>
    <message>
        <source>Text, tables and images</source>
        <translation>Texte, Tabellen und Bilder</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Double-click a number metric to see its chart, or a string, list, row, table or image metric to see its values.</source>
        <translation>Doppelklicken Sie auf eine Zahlenmetrik, um ihr Diagramm zu sehen, oder auf eine Text-, Listen-, Zeilen-, Tabellen- oder Bildmetrik, um ihre Werte zu sehen.</translation>
    </message>
</context>
<context>
    <name>mlwb::RunDiagnosticsModel</name>
    <message>
        <source>The run&apos;s diagnostics could not be read: %1</source>
        <translation>Die Diagnosen des Laufs konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1

As read: %2</source>
        <translation>%1

Gelesen: %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>mlwb::RunGroupsModel</name>
    <message numerus="yes">
        <source>%1 = %2 (%n run(s))</source>
        <translation>
            <numerusform>%1 = %2 (%n Lauf)</numerusform>
            <numerusform>%1 = %2 (%n Läufe)</numerusform>
        </translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message numerus="yes">
        <source>mean %1 · min %2 · max %3 of %n run(s)</source>
        <translation>
            <numerusform>Mittel %1 · Min. %2 · Max. %3 von %n Lauf</numerusform>
            <numerusform>Mittel %1 · Min. %2 · Max. %3 von %n Läufen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mlwb::RunMetricsModel</name>
    <message>
        <source>The run&apos;s metrics could not be read: %1</source>
        <translation>Die Metriken des Laufs konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Letzter Wert</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min.</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max.</translation>
    </message>
    <message>
        <source>Last step</source>
        <translation>Letzter Schritt</translation>
    </message>
</context>
<context>
    <name>mlwb::RunOverview</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Run ID:</source>
        <translation>Lauf-ID:</translation>
    </message>
    <message>
        <source>Experiment:</source>
        <translation>Experiment:</translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation>Anzeigename:</translation>
    </message>
    <message>
        <source>Compute target:</source>
        <translation>Rechenziel:</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>Befehl:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>Gestartet:</translation>
    </message>
    <message>
        <source>Ended:</source>
        <translation>Beendet:</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Dauer:</translation>
    </message>
    <message>
        <source>Exit code:</source>
        <translation>Exit-Code:</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>Fehler:</translation>
    </message>
    <message>
        <source>Parent run:</source>
        <translation>Übergeordneter Lauf:</translation>
    </message>
    <message>
        <source>Child runs:</source>
        <translation>Untergeordnete Läufe:</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>What was this run for? What did you learn?</source>
        <translation>Wozu diente dieser Lauf? Was haben Sie gelernt?</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>No problems reading this run&apos;s files.</source>
        <translation>Keine Probleme beim Lesen der Dateien dieses Laufs.</translation>
    </message>
    <message>
        <source>The run&apos;s parent and child runs could not be read: %1</source>
        <translation>Der übergeordnete und die untergeordneten Läufe konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation> und %1 weitere</translation>
    </message>
    <message>
        <source>%1 (running)</source>
        <translation>%1 (läuft)</translation>
    </message>
    <message>
        <source>The notes could not be saved: %1</source>
        <translation>Die Notizen konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The tag could not be added: %1</source>
        <translation>Der Tag konnte nicht hinzugefügt werden: %1</translation>
    </message>
    <message>
        <source>The tag could not be removed: %1</source>
        <translation>Der Tag konnte nicht entfernt werden: %1</translation>
    </message>
    <message>
        <source>1 problem reading this run&apos;s files:</source>
        <translation>1 Problem beim Lesen der Dateien dieses Laufs:</translation>
    </message>
    <message>
        <source>%1 problems reading this run&apos;s files:</source>
        <translation>%1 Probleme beim Lesen der Dateien dieses Laufs:</translation>
    </message>
    <message>
        <source>Supervisor:</source>
        <translation>Überwachung:</translation>
    </message>
</context>
<context>
    <name>mlwb::RunSummary</name>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
</context>
<context>
    <name>mlwb::RunTagsModel</name>
    <message>
        <source>The run&apos;s tags could not be read: %1</source>
        <translation>Die Tags des Laufs konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>tag</translation>
    </message>
    <message>
        <source>tag_%1</source>
        <translation>tag_%1</translation>
    </message>
    <message>
        <source>A tag needs a key.</source>
        <translation>Ein Tag benötigt einen Schlüssel.</translation>
    </message>
    <message>
        <source>The run already has a tag &apos;%1&apos;.</source>
        <translation>Der Lauf hat bereits einen Tag „%1“.</translation>
    </message>
    <message>
        <source>The tag could not be saved: %1</source>
        <translation>Der Tag konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>mlwb::RunsTableModel</name>
    <message>
        <source>Filter on it as %1</source>
        <translation>Danach filtern mit %1</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>Experiment</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
</context>
<context>
    <name>mlwb::RunsTableView</name>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Filter, e.g. metrics.accuracy &gt; 0.9 and tags.model = cnn</source>
        <translation>Filter, z. B. metrics.accuracy &gt; 0.9 and tags.model = cnn</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Choose the columns to show</source>
        <translation>Die angezeigten Spalten auswählen</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>%1 (min)</source>
        <translation>%1 (Min.)</translation>
    </message>
    <message>
        <source>%1 (max)</source>
        <translation>%1 (Max.)</translation>
    </message>
    <message>
        <source>%1 (last)</source>
        <translation>%1 (letzter Wert)</translation>
    </message>
    <message>
        <source>Default Columns</source>
        <translation>Standardspalten</translation>
    </message>
    <message>
        <source>The runs could not be reloaded: %1</source>
        <translation>Die Läufe konnten nicht neu geladen werden: %1</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Compare Selected</source>
        <translation>Ausgewählte &amp;vergleichen</translation>
    </message>
    <message>
        <source>&amp;Register Model…</source>
        <translation>Modell &amp;registrieren…</translation>
    </message>
    <message>
        <source>Show Constant Columns</source>
        <translation>Konstante Spalten anzeigen</translation>
    </message>
    <message>
        <source>Also show parameters and tags that are the same for every run</source>
        <translation>Auch Parameter und Tags anzeigen, die für jeden Lauf gleich sind</translation>
    </message>
    <message>
        <source>Group the runs by a tag or parameter, with each metric&apos;s mean</source>
        <translation>Die Läufe nach einem Tag oder Parameter gruppieren, mit dem Mittelwert jeder Metrik</translation>
    </message>
    <message>
        <source>No grouping</source>
        <translation>Keine Gruppierung</translation>
    </message>
    <message>
        <source>Group by %1</source>
        <translation>Nach %1 gruppieren</translation>
    </message>
</context>
<context>
    <name>mlwb::SavedViewsList</name>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Saved views</source>
        <translation>Gespeicherte Ansichten</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Gespeichert: %1</translation>
    </message>
    <message>
        <source>There is no saved view &apos;%1&apos;.</source>
        <translation>Es gibt keine gespeicherte Ansicht „%1“.</translation>
    </message>
    <message>
        <source>Open saved view</source>
        <translation>Gespeicherte Ansicht öffnen</translation>
    </message>
    <message>
        <source>Delete saved view</source>
        <translation>Gespeicherte Ansicht löschen</translation>
    </message>
    <message>
        <source>Delete the saved view &apos;%1&apos;?</source>
        <translation>Die gespeicherte Ansicht „%1“ löschen?</translation>
    </message>
</context>
<context>
    <name>mlwb::ScoringConsole</name>
    <message>
        <source>The JSON body to POST to /score</source>
        <translation>Der JSON-Text, der per POST an /score gesendet wird</translation>
    </message>
    <message>
        <source>The answer appears here.</source>
        <translation>Die Antwort erscheint hier.</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>POST the request to the scoring URI (Ctrl+Return)</source>
        <translation>Die Anfrage per POST an den Bewertungs-URI senden (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>Noch nicht gesendet</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>The service has no scoring URI yet.</source>
        <translation>Der Dienst hat noch keinen Bewertungs-URI.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>No answer: %1</source>
        <translation>Keine Antwort: %1</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>HTTP %1 (%2) in %3 ms</source>
        <translation>HTTP %1 (%2) in %3 ms</translation>
    </message>
</context>
<context>
    <name>mlwb::ScriptEditor</name>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>%1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text, so it cannot be edited here.</source>
        <translation>%1 ist kein UTF-8-Text und kann daher hier nicht bearbeitet werden.</translation>
    </message>
    <message>
        <source>The file has no name yet; use Save As.</source>
        <translation>Die Datei hat noch keinen Namen; verwenden Sie „Speichern unter“.</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>mlwb::ScriptPage</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>New from &amp;Template…</source>
        <translation>Neu aus &amp;Vorlage…</translation>
    </message>
    <message>
        <source>Open in &amp;Editor</source>
        <translation>Im &amp;Editor öffnen</translation>
    </message>
    <message>
        <source>Scoring Script</source>
        <translation>Bewertungsskript</translation>
    </message>
    <message>
        <source>A Python file with init(), run once to load the models from AZUREML_MODEL_DIR, and run(raw_data), called with each request&apos;s JSON.</source>
        <translation>Eine Python-Datei mit init(), das einmal ausgeführt wird, um die Modelle aus AZUREML_MODEL_DIR zu laden, und run(raw_data), das mit dem JSON jeder Anfrage aufgerufen wird.</translation>
    </message>
    <message>
        <source>e.g. /home/me/project/score.py</source>
        <translation>z. B. /home/me/project/score.py</translation>
    </message>
    <message>
        <source>The template is missing from this build: %1</source>
        <translation>Die Vorlage fehlt in diesem Build: %1</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Python files (*.py);;All files (*)</source>
        <translation>Python-Dateien (*.py);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>New Scoring Script</source>
        <translation>Neues Bewertungsskript</translation>
    </message>
    <message>
        <source>Python files (*.py)</source>
        <translation>Python-Dateien (*.py)</translation>
    </message>
    <message>
        <source>Wrote the template to %1. Edit run() to fit your model.</source>
        <translation>Die Vorlage wurde nach %1 geschrieben. Passen Sie run() an Ihr Modell an.</translation>
    </message>
    <message>
        <source>Source Folder</source>
        <translation>Quellordner</translation>
    </message>
    <message>
        <source>Sample Request</source>
        <translation>Beispielanfrage</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Sample Answer</source>
        <translation>Beispielantwort</translation>
    </message>
    <message>
        <source>Other sources (folder):</source>
        <translation>Weitere Quellen (Ordner):</translation>
    </message>
    <message>
        <source>Sample request (JSON):</source>
        <translation>Beispielanfrage (JSON):</translation>
    </message>
    <message>
        <source>Sample answer (JSON):</source>
        <translation>Beispielantwort (JSON):</translation>
    </message>
    <message>
        <source>Optional. The sources are copied beside the script under /var/azureml-app. From the samples, the service&apos;s OpenAPI document (/swagger.json) gets its schema and examples, and the test console starts from the sample request.</source>
        <translation>Optional. Die Quellen werden neben das Skript unter /var/azureml-app kopiert. Aus den Beispielen erhält das OpenAPI-Dokument des Dienstes (/swagger.json) sein Schema und seine Beispiele, und die Testkonsole beginnt mit der Beispielanfrage.</translation>
    </message>
    <message>
        <source>The source folder %1 does not exist.</source>
        <translation>Der Quellordner %1 existiert nicht.</translation>
    </message>
</context>
<context>
    <name>mlwb::ServesBox</name>
    <message>
        <source>&amp;Model versions with a scoring script</source>
        <translation>&amp;Modellversionen mit einem Bewertungsskript</translation>
    </message>
    <message>
        <source>An &amp;image version</source>
        <translation>Eine &amp;Image-Version</translation>
    </message>
    <message>
        <source>score.py with init() and run(raw_data)</source>
        <translation>score.py mit init() und run(raw_data)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Scoring Script</source>
        <translation>Bewertungsskript</translation>
    </message>
    <message>
        <source>Python files (*.py)</source>
        <translation>Python-Dateien (*.py)</translation>
    </message>
    <message>
        <source>Models:</source>
        <translation>Modelle:</translation>
    </message>
    <message>
        <source>Scoring script:</source>
        <translation>Bewertungsskript:</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Umgebung:</translation>
    </message>
    <message>
        <source>No model is registered: register one from a run first.</source>
        <translation>Es ist kein Modell registriert: Registrieren Sie zuerst eines aus einem Lauf.</translation>
    </message>
    <message>
        <source>None (/usr/bin/python3)</source>
        <translation>Keine (/usr/bin/python3)</translation>
    </message>
    <message>
        <source>No image is built yet</source>
        <translation>Es wurde noch kein Image erstellt</translation>
    </message>
    <message>
        <source>Choose an image version to serve.</source>
        <translation>Wählen Sie eine bereitzustellende Image-Version.</translation>
    </message>
    <message>
        <source>Choose the scoring script: a Python file with init() and run(raw_data).</source>
        <translation>Wählen Sie das Bewertungsskript: eine Python-Datei mit init() und run(raw_data).</translation>
    </message>
</context>
<context>
    <name>mlwb::ServiceKeysBox</name>
    <message>
        <source>No authentication: anyone who can reach the scoring URI can call it. Deploy with key authentication to require a key.</source>
        <translation>Keine Authentifizierung: Jeder, der den Bewertungs-URI erreichen kann, kann ihn aufrufen. Stellen Sie mit Schlüsselauthentifizierung bereit, um einen Schlüssel zu verlangen.</translation>
    </message>
    <message>
        <source>S&amp;how Keys</source>
        <translation>Schlüssel &amp;anzeigen</translation>
    </message>
    <message>
        <source>Primary key:</source>
        <translation>Primärer Schlüssel:</translation>
    </message>
    <message>
        <source>Secondary key:</source>
        <translation>Sekundärer Schlüssel:</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the key to the clipboard</source>
        <translation>Den Schlüssel in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Regenerate…</source>
        <translation>Neu generieren…</translation>
    </message>
    <message>
        <source>&amp;Hide Keys</source>
        <translation>Schlüssel &amp;ausblenden</translation>
    </message>
    <message>
        <source>Regenerate the primary key of %1? Clients using it are refused at once; the secondary key keeps working.</source>
        <translation>Den primären Schlüssel von %1 neu generieren? Clients, die ihn verwenden, werden sofort abgewiesen; der sekundäre Schlüssel funktioniert weiterhin.</translation>
    </message>
    <message>
        <source>Regenerate the secondary key of %1? Clients using it are refused at once; the primary key keeps working.</source>
        <translation>Den sekundären Schlüssel von %1 neu generieren? Clients, die ihn verwenden, werden sofort abgewiesen; der primäre Schlüssel funktioniert weiterhin.</translation>
    </message>
    <message>
        <source>Regenerate Key</source>
        <translation>Schlüssel neu generieren</translation>
    </message>
    <message>
        <source>Clients send a key as &quot;Authorization: Bearer KEY&quot;. The keys are kept outside the workspace, in %1.</source>
        <translation>Clients senden einen Schlüssel als &quot;Authorization: Bearer KEY&quot;. Die Schlüssel liegen außerhalb des Arbeitsbereichs, in %1.</translation>
    </message>
</context>
<context>
    <name>mlwb::ServiceTelemetry</name>
    <message>
        <source>requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <source>errors/s</source>
        <translation>Fehler/s</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Polled from /metrics every second while this page is shown.</source>
        <translation>Wird jede Sekunde von /metrics abgefragt, solange diese Seite angezeigt wird.</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>Requests and errors</source>
        <translation>Anfragen und Fehler</translation>
    </message>
    <message>
        <source>per second</source>
        <translation>pro Sekunde</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>No telemetry: %1</source>
        <translation>Keine Telemetrie: %1</translation>
    </message>
    <message>
        <source>%1 requests, %2 errors in all; p99 %3 ms over the recent ones.</source>
        <translation>Insgesamt %1 Anfragen und %2 Fehler; p99 %3 ms über die letzten Anfragen.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export Telemetry</source>
        <translation>Telemetrie exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>mlwb::SnapshotBrowser</name>
    <message>
        <source>Download Zip…</source>
        <translation>ZIP herunterladen…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Save a copy of the snapshot zip</source>
        <translation>Eine Kopie des Snapshot-ZIPs speichern</translation>
    </message>
    <message>
        <source>Double-click a file to view it.</source>
        <translation>Doppelklicken Sie auf eine Datei, um sie anzuzeigen.</translation>
    </message>
    <message>
        <source>The snapshot could not be read: %1</source>
        <translation>Der Snapshot konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 (a link to %2)</source>
        <translation>%1 (eine Verknüpfung auf %2)</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>Snapshot</translation>
    </message>
    <message>
        <source>%1 (snapshot, read-only)</source>
        <translation>%1 (Snapshot, schreibgeschützt)</translation>
    </message>
    <message>
        <source>Download Snapshot</source>
        <translation>Snapshot herunterladen</translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation>ZIP-Archive (*.zip)</translation>
    </message>
</context>
<context>
    <name>mlwb::SourcePage</name>
    <message>
        <source>From a run&apos;s &amp;outputs</source>
        <translation>Aus den &amp;Ausgaben eines Laufs</translation>
    </message>
    <message>
        <source>From files on &amp;disk</source>
        <translation>Aus Dateien auf dem &amp;Datenträger</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Pick the file or folder that holds the model.</source>
        <translation>Wählen Sie die Datei oder den Ordner mit dem Modell.</translation>
    </message>
    <message>
        <source>Search runs by name, run id or experiment</source>
        <translation>Läufe nach Name, Lauf-ID oder Experiment durchsuchen</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>A model file or a folder of files</source>
        <translation>Eine Modelldatei oder ein Ordner mit Dateien</translation>
    </message>
    <message>
        <source>&amp;File…</source>
        <translation>Da&amp;tei…</translation>
    </message>
    <message>
        <source>F&amp;older…</source>
        <translation>&amp;Ordner…</translation>
    </message>
    <message>
        <source>The runs could not be read: %1</source>
        <translation>Die Läufe konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Model Folder</source>
        <translation>Modellordner</translation>
    </message>
    <message>
        <source>Model File</source>
        <translation>Modelldatei</translation>
    </message>
    <message>
        <source>Pick a run.</source>
        <translation>Wählen Sie einen Lauf.</translation>
    </message>
    <message>
        <source>%1 does not exist (any more).</source>
        <translation>%1 existiert nicht (mehr).</translation>
    </message>
    <message>
        <source>The folder %1 holds no files.</source>
        <translation>Der Ordner %1 enthält keine Dateien.</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>mlwb::SshTargetDialog</name>
    <message>
        <source>SSH Compute Target</source>
        <translation>SSH-Rechenziel</translation>
    </message>
    <message>
        <source>e.g. gpu-box</source>
        <translation>z. B. gpu-box</translation>
    </message>
    <message>
        <source>host name or address</source>
        <translation>Hostname oder Adresse</translation>
    </message>
    <message>
        <source>default: from ~/.ssh/config</source>
        <translation>Standard: aus ~/.ssh/config</translation>
    </message>
    <message>
        <source>default: ssh-agent and ~/.ssh</source>
        <translation>Standard: ssh-agent und ~/.ssh</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Durchsuchen...</translation>
    </message>
    <message>
        <source>Private Key</source>
        <translation>Privater Schlüssel</translation>
    </message>
    <message>
        <source>optional: [user@]host[:port]</source>
        <translation>optional: [user@]host[:port]</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Begrenzung</translation>
    </message>
    <message>
        <source>Keep each run&apos;s folder on the VM</source>
        <translation>Den Ordner jedes Laufs auf der VM behalten</translation>
    </message>
    <message>
        <source>Trust the host key shown below</source>
        <translation>Dem unten angezeigten Host-Schlüssel vertrauen</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Test the connection to see the VM&apos;s OS, CPUs, memory, Python and free disk.</source>
        <translation>Testen Sie die Verbindung, um Betriebssystem, CPUs, Arbeitsspeicher, Python und freien Speicherplatz der VM zu sehen.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>&amp;Identity file:</source>
        <translation>&amp;Identitätsdatei:</translation>
    </message>
    <message>
        <source>&amp;Jump host:</source>
        <translation>&amp;Sprunghost:</translation>
    </message>
    <message>
        <source>&amp;Working folder:</source>
        <translation>&amp;Arbeitsordner:</translation>
    </message>
    <message>
        <source>&amp;Interpreter:</source>
        <translation>In&amp;terpreter:</translation>
    </message>
    <message>
        <source>&amp;Concurrent runs:</source>
        <translation>&amp;Gleichzeitige Läufe:</translation>
    </message>
    <message>
        <source>Connecting to %1...</source>
        <translation>Verbindung zu %1 wird hergestellt...</translation>
    </message>
    <message>
        <source>Connection OK.</source>
        <translation>Verbindung OK.</translation>
    </message>
    <message>
        <source>Compare the fingerprint with the VM&apos;s (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub on its console), then tick &quot;Trust the host key&quot; and test again.</source>
        <translation>Vergleichen Sie den Fingerabdruck mit dem der VM (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub auf ihrer Konsole), kreuzen Sie dann „Dem unten angezeigten Host-Schlüssel vertrauen“ an und testen Sie erneut.</translation>
    </message>
</context>
<context>
    <name>mlwb::SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Finish copies these files into the workspace and registers the version.</source>
        <translation>„Fertigstellen“ kopiert diese Dateien in den Arbeitsbereich und registriert die Version.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; version &lt;b&gt;%2&lt;/b&gt; · %3 · environment: %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; Version &lt;b&gt;%2&lt;/b&gt; · %3 · Umgebung: %4</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>tag %1=%2</source>
        <translation>Tag %1=%2</translation>
    </message>
    <message>
        <source>aliases: %1</source>
        <translation>Aliasse: %1</translation>
    </message>
    <message>
        <source>Lineage: uploaded from %1</source>
        <translation>Herkunft: hochgeladen von %1</translation>
    </message>
    <message>
        <source>no snapshot</source>
        <translation>kein Snapshot</translation>
    </message>
    <message>
        <source>snapshot %1</source>
        <translation>Snapshot %1</translation>
    </message>
    <message>
        <source>Lineage: run %1 of experiment %2 (%3), %4, with its metrics</source>
        <translation>Herkunft: Lauf %1 des Experiments %2 (%3), %4, mit seinen Metriken</translation>
    </message>
    <message>
        <source>Computing SHA-256 digests…</source>
        <translation>SHA-256-Prüfsummen werden berechnet…</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), %1 in all. Version digest (SHA-256 of the manifest): %2</source>
        <translation>
            <numerusform>%n Datei, insgesamt %1. Versions-Digest (SHA-256 des Manifests): %2</numerusform>
            <numerusform>%n Dateien, insgesamt %1. Versions-Digest (SHA-256 des Manifests): %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 does not exist any more.</source>
        <translation>%1 existiert nicht mehr.</translation>
    </message>
</context>
<context>
    <name>mlwb::TasksPanel</name>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Tasks (%1)</source>
        <translation>Aufgaben (%1)</translation>
    </message>
    <message>
        <source>Cancel Task</source>
        <translation>Aufgabe abbrechen</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>Snapshot</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Registrierung</translation>
    </message>
    <message>
        <source>Image build</source>
        <translation>Image-Build</translation>
    </message>
    <message>
        <source>Packing snapshot of %1</source>
        <translation>Snapshot von %1 wird gepackt</translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation>Bereitstellung</translation>
    </message>
</context>
<context>
    <name>mlwb::TaxonomyModel</name>
    <message>
        <source>%1
No workspace here any more.</source>
        <translation>%1
Hier ist kein Arbeitsbereich mehr.</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
</context>
<context>
    <name>mlwb::UpdateDeploymentDialog</name>
    <message>
        <source>Update %1</source>
        <translation>%1 aktualisieren</translation>
    </message>
    <message>
        <source>A new server starts beside the running one and takes over its port once it answers; requests in flight are not dropped. If it does not get healthy, %1 keeps serving what it serves now.</source>
        <translation>Ein neuer Server startet neben dem laufenden und übernimmt dessen Port, sobald er antwortet; laufende Anfragen gehen nicht verloren. Wird er nicht fehlerfrei, stellt %1 weiter bereit, was es jetzt bereitstellt.</translation>
    </message>
    <message>
        <source>&amp;Update</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Serve instead:</source>
        <translation>Stattdessen bereitstellen:</translation>
    </message>
    <message>
        <source>%1 was not updated: %2</source>
        <translation>%1 wurde nicht aktualisiert: %2</translation>
    </message>
    <message>
        <source>Starting the new server beside the running one…</source>
        <translation>Der neue Server wird neben dem laufenden gestartet…</translation>
    </message>
</context>
<context>
    <name>mlwb::VersionComparison</name>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Aliasse</translation>
    </message>
    <message>
        <source>Framework</source>
        <translation>Framework</translation>
    </message>
    <message>
        <source>Source run</source>
        <translation>Quelllauf</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Select two or more versions of one model to compare.</source>
        <translation>Wählen Sie zwei oder mehr Versionen eines Modells zum Vergleichen aus.</translation>
    </message>
    <message>
        <source>Versions of different models cannot be compared: %1 and %2.</source>
        <translation>Versionen verschiedener Modelle können nicht verglichen werden: %1 und %2.</translation>
    </message>
    <message>
        <source>uploaded</source>
        <translation>hochgeladen</translation>
    </message>
    <message>
        <source>run %1 (deleted)</source>
        <translation>Lauf %1 (gelöscht)</translation>
    </message>
    <message>
        <source>Version(s) %1 were uploaded from disk: no run to compare parameters and metrics of.</source>
        <translation>Version(en) %1 wurde(n) vom Datenträger hochgeladen: Es gibt keinen Lauf, dessen Parameter und Metriken verglichen werden könnten.</translation>
    </message>
    <message>
        <source>Compare %1 %2</source>
        <translation>%1 %2 vergleichen</translation>
    </message>
</context>
<context>
    <name>mlwb::WelcomePage</name>
    <message>
        <source>Open the Sample Project</source>
        <translation>Beispielprojekt öffnen</translation>
    </message>
    <message>
        <source>No workspace open</source>
        <translation>Kein Arbeitsbereich geöffnet</translation>
    </message>
    <message>
        <source>Create a workspace with &lt;b&gt;File ▸ New Workspace…&lt;/b&gt; or open one with &lt;b&gt;File ▸ Open Workspace…&lt;/b&gt;.</source>
        <translation>Erstellen Sie einen Arbeitsbereich mit &lt;b&gt;Datei ▸ Neuer Arbeitsbereich…&lt;/b&gt; oder öffnen Sie einen mit &lt;b&gt;Datei ▸ Arbeitsbereich öffnen…&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>&lt;p style=&quot;color:#707070&quot;&gt;%1&lt;/p&gt;</source>
        <translation>&lt;p style=&quot;color:#707070&quot;&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Continue where you left off&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Dort weitermachen, wo Sie aufgehört haben&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Next:&lt;/b&gt; open the sample project, then press &lt;b&gt;F5&lt;/b&gt; to submit &lt;i&gt;train.py&lt;/i&gt; as your first run and watch its metrics arrive.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Als Nächstes:&lt;/b&gt; Öffnen Sie das Beispielprojekt und drücken Sie dann &lt;b&gt;F5&lt;/b&gt;, um &lt;i&gt;train.py&lt;/i&gt; als Ihren ersten Lauf zu übermitteln und das Eintreffen seiner Metriken zu verfolgen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Next:&lt;/b&gt; open a project folder (&lt;b&gt;File ▸ Open Project Folder…&lt;/b&gt;) and press &lt;b&gt;F5&lt;/b&gt; to submit its script as your first run.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Als Nächstes:&lt;/b&gt; Öffnen Sie einen Projektordner (&lt;b&gt;Datei ▸ Projektordner öffnen…&lt;/b&gt;) und drücken Sie &lt;b&gt;F5&lt;/b&gt;, um sein Skript als Ihren ersten Lauf zu übermitteln.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Next:&lt;/b&gt; change a parameter and run again (&lt;b&gt;F5&lt;/b&gt;), then compare the runs in &lt;b&gt;Run ▸ All Runs&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Als Nächstes:&lt;/b&gt; Ändern Sie einen Parameter und führen Sie erneut aus (&lt;b&gt;F5&lt;/b&gt;); vergleichen Sie dann die Läufe unter &lt;b&gt;Ausführen ▸ Alle Läufe&lt;/b&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Next:&lt;/b&gt; compare your runs in &lt;b&gt;Run ▸ All Runs&lt;/b&gt;: select them and press &lt;b&gt;Compare&lt;/b&gt; to see their metrics side by side.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Als Nächstes:&lt;/b&gt; Vergleichen Sie Ihre Läufe unter &lt;b&gt;Ausführen ▸ Alle Läufe&lt;/b&gt;: Wählen Sie sie aus und klicken Sie auf &lt;b&gt;Vergleichen&lt;/b&gt;, um ihre Metriken nebeneinander zu sehen.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>mlwb::WorkspaceActions</name>
    <message>
        <source>New Experiment</source>
        <translation>Neues Experiment</translation>
    </message>
    <message>
        <source>Name of the experiment:</source>
        <translation>Name des Experiments:</translation>
    </message>
    <message>
        <source>Delete Experiment</source>
        <translation>Experiment löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete the experiment &apos;%1&apos; with its %n run(s), their metrics and %2 in %3 file(s)? This cannot be undone.</source>
        <translation>
            <numerusform>Das Experiment „%1“ mit seinem %n Lauf, dessen Metriken und %2 in %3 Datei(en) löschen? Dies kann nicht rückgängig gemacht werden.</numerusform>
            <numerusform>Das Experiment „%1“ mit seinen %n Läufen, deren Metriken und %2 in %3 Datei(en) löschen? Dies kann nicht rückgängig gemacht werden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the run &apos;%1&apos; with its metrics and %2 in %n file(s)? This cannot be undone.</source>
        <translation>
            <numerusform>Den Lauf „%1“ mit seinen Metriken und %2 in %n Datei löschen? Dies kann nicht rückgängig gemacht werden.</numerusform>
            <numerusform>Den Lauf „%1“ mit seinen Metriken und %2 in %n Dateien löschen? Dies kann nicht rückgängig gemacht werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Run</source>
        <translation>Lauf löschen</translation>
    </message>
    <message>
        <source>Add Datastore</source>
        <translation>Datenspeicher hinzufügen</translation>
    </message>
    <message>
        <source>Name of the datastore:</source>
        <translation>Name des Datenspeichers:</translation>
    </message>
    <message>
        <source>Remove Datastore</source>
        <translation>Datenspeicher entfernen</translation>
    </message>
    <message>
        <source>Remove the datastore &apos;%1&apos; from the workspace? Its files stay where they are.</source>
        <translation>Den Datenspeicher „%1“ aus dem Arbeitsbereich entfernen? Seine Dateien bleiben, wo sie sind.</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>An image bundles registered models, a scoring script and an environment into a container image that web services are deployed from. Build one from a model version:

mlwb image build NAME --model MODEL:VERSION --scoring-script score.py --base oci-archive:base.tar</source>
        <translation>Ein Image bündelt registrierte Modelle, ein Bewertungsskript und eine Umgebung zu einem Container-Image, aus dem Webdienste bereitgestellt werden. Erstellen Sie eines aus einer Modellversion:

mlwb image build NAME --model MODEL:VERSION --scoring-script score.py --base oci-archive:base.tar</translation>
    </message>
    <message>
        <source>Deployments</source>
        <translation>Bereitstellungen</translation>
    </message>
    <message>
        <source>A deployment serves a model as a web service that answers scoring requests:

mlwb service deploy NAME --model MODEL:VERSION --scoring-script score.py</source>
        <translation>Eine Bereitstellung stellt ein Modell als Webdienst bereit, der Bewertungsanfragen beantwortet:

mlwb service deploy NAME --model MODEL:VERSION --scoring-script score.py</translation>
    </message>
    <message>
        <source>Pipelines</source>
        <translation>Pipelines</translation>
    </message>
    <message>
        <source>A pipeline runs several steps, each a run, in order. Pipelines are listed here once made:

mlwb pipeline list</source>
        <translation>Eine Pipeline führt mehrere Schritte, jeder ein Lauf, nacheinander aus. Pipelines werden hier aufgeführt, sobald sie erstellt wurden:

mlwb pipeline list</translation>
    </message>
    <message>
        <source>Environments</source>
        <translation>Umgebungen</translation>
    </message>
    <message>
        <source>An environment is the Python and the packages a run or a model needs, from a conda YAML or a requirements.txt. Runs record theirs by themselves:

mlwb environment create NAME --file requirements.txt</source>
        <translation>Eine Umgebung ist das Python und die Pakete, die ein Lauf oder ein Modell benötigt, aus einer conda-YAML-Datei oder einer requirements.txt. Läufe zeichnen ihre Umgebung selbst auf:

mlwb environment create NAME --file requirements.txt</translation>
    </message>
</context>
<context>
    <name>mlwb::WorkspaceTree</name>
    <message>
        <source>&amp;Attach Linux VM…</source>
        <translation>Linux-VM &amp;anbinden…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>&amp;Verbindung testen</translation>
    </message>
    <message>
        <source>&amp;Detach</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>&amp;New Experiment…</source>
        <translation>&amp;Neues Experiment…</translation>
    </message>
    <message>
        <source>&amp;Open Runs Table</source>
        <translation>Läufetabelle ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Delete Experiment…</source>
        <translation>Experiment &amp;löschen…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <source>&amp;Register Model…</source>
        <translation>Modell &amp;registrieren…</translation>
    </message>
    <message>
        <source>&amp;Delete Run…</source>
        <translation>Lauf &amp;löschen…</translation>
    </message>
    <message>
        <source>&amp;Add Datastore…</source>
        <translation>Datenspeicher &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove Datastore…</source>
        <translation>Datenspeicher &amp;entfernen…</translation>
    </message>
    <message>
        <source>&amp;What Is This?</source>
        <translation>&amp;Was ist das?</translation>
    </message>
    <message>
        <source>&amp;Compare All Versions</source>
        <translation>Alle Versionen &amp;vergleichen</translation>
    </message>
    <message>
        <source>&amp;Compare Selected Versions</source>
        <translation>Ausgewählte Versionen &amp;vergleichen</translation>
    </message>
    <message>
        <source>&amp;Build Image…</source>
        <translation>&amp;Image erstellen…</translation>
    </message>
    <message>
        <source>&amp;Deploy…</source>
        <translation>&amp;Bereitstellen…</translation>
    </message>
    <message>
        <source>Create &amp;Endpoint…</source>
        <translation>&amp;Endpunkt erstellen…</translation>
    </message>
</context>
<context>
    <name>mlwb::cli</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Usage: mlwb [&lt;command&gt; &lt;verb&gt; [arguments] [options]]

ML Workbench: the Azure Machine Learning workspace on your own machine.
Without arguments it opens the desktop workbench; with them it runs one
command and needs no display.
</source>
        <translation>Aufruf: mlwb [&lt;Befehl&gt; &lt;Verb&gt; [Argumente] [Optionen]]

ML Workbench: der Azure-Machine-Learning-Arbeitsbereich auf Ihrem eigenen Rechner.
Ohne Argumente öffnet es die Desktop-Workbench; mit Argumenten führt es einen
Befehl aus und benötigt keine Anzeige.
</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>Global options:</source>
        <translation>Globale Optionen:</translation>
    </message>
    <message>
        <source>Usage: mlwb %1 &lt;verb&gt; [arguments] [options]

%2
</source>
        <translation>Aufruf: mlwb %1 &lt;Verb&gt; [Argumente] [Optionen]

%2
</translation>
    </message>
    <message>
        <source>Verbs:</source>
        <translation>Verben:</translation>
    </message>
    <message>
        <source>
Run &apos;mlwb %1 &lt;verb&gt; --help&apos; for a verb&apos;s arguments and options.
</source>
        <translation>
Rufen Sie „mlwb %1 &lt;Verb&gt; --help“ auf, um die Argumente und Optionen eines Verbs zu sehen.
</translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation>Argumente:</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Optionen:</translation>
    </message>
    <message>
        <source>Run &apos;%1 --help&apos; for usage.</source>
        <translation>Rufen Sie „%1 --help“ auf, um die Verwendung zu sehen.</translation>
    </message>
    <message>
        <source>%1; did you mean &apos;%2&apos;?</source>
        <translation>%1; meinten Sie „%2“?</translation>
    </message>
    <message>
        <source>The workspace folder (default: $MLWB_WORKSPACE, else the default workspace).</source>
        <translation>Der Ordner des Arbeitsbereichs (Standard: $MLWB_WORKSPACE, sonst der Standard-Arbeitsbereich).</translation>
    </message>
    <message>
        <source>How results are printed (default: table).</source>
        <translation>Wie Ergebnisse ausgegeben werden (Standard: table).</translation>
    </message>
    <message>
        <source>Show help for the command and exit.</source>
        <translation>Hilfe zum Befehl anzeigen und beenden.</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>Version anzeigen und beenden.</translation>
    </message>
    <message>
        <source>option &apos;--%1&apos; takes no value</source>
        <translation>Option „--%1“ nimmt keinen Wert an</translation>
    </message>
    <message>
        <source>option &apos;--%1&apos; needs a value (%2)</source>
        <translation>Option „--%1“ benötigt einen Wert (%2)</translation>
    </message>
    <message>
        <source>unknown command %1</source>
        <translation>unbekannter Befehl %1</translation>
    </message>
    <message>
        <source>unknown verb %1 for &apos;mlwb %2&apos;</source>
        <translation>unbekanntes Verb %1 für „mlwb %2“</translation>
    </message>
    <message>
        <source>unknown format %1 (use table or json)</source>
        <translation>unbekanntes Format %1 (verwenden Sie table oder json)</translation>
    </message>
    <message>
        <source>unknown option %1 for &apos;%2&apos;</source>
        <translation>unbekannte Option %1 für „%2“</translation>
    </message>
    <message>
        <source>no command given</source>
        <translation>kein Befehl angegeben</translation>
    </message>
    <message>
        <source>&apos;mlwb %1&apos; needs a verb: %2</source>
        <translation>„mlwb %1“ benötigt ein Verb: %2</translation>
    </message>
    <message>
        <source>&apos;mlwb %1 %2&apos; needs %3</source>
        <translation>„mlwb %1 %2“ benötigt %3</translation>
    </message>
    <message>
        <source>unexpected argument %1 for &apos;mlwb %2 %3&apos;</source>
        <translation>unerwartetes Argument %1 für „mlwb %2 %3“</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>max concurrent</source>
        <translation>max. gleichzeitig</translation>
    </message>
    <message>
        <source>active runs</source>
        <translation>aktive Läufe</translation>
    </message>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>created at</source>
        <translation>erstellt am</translation>
    </message>
    <message>
        <source>config</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>--port must be a number from 1 to 65535.</source>
        <translation>--port muss eine Zahl von 1 bis 65535 sein.</translation>
    </message>
    <message>
        <source>--max-concurrent must be 0 (no limit) or more.</source>
        <translation>--max-concurrent muss 0 (keine Begrenzung) oder größer sein.</translation>
    </message>
    <message>
        <source>--host is required.</source>
        <translation>--host ist erforderlich.</translation>
    </message>
    <message>
        <source>Check the fingerprint (on the VM: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub), then run again with --accept-new-host-key.</source>
        <translation>Prüfen Sie den Fingerabdruck (auf der VM: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub) und führen Sie den Befehl dann erneut mit --accept-new-host-key aus.</translation>
    </message>
    <message>
        <source>Trusted the host key of %1: %2</source>
        <translation>Dem Host-Schlüssel von %1 wird jetzt vertraut: %2</translation>
    </message>
    <message>
        <source>os</source>
        <translation>Betriebssystem</translation>
    </message>
    <message>
        <source>cpus</source>
        <translation>CPUs</translation>
    </message>
    <message>
        <source>memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <source>python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source>working folder</source>
        <translation>Arbeitsordner</translation>
    </message>
    <message>
        <source>free disk</source>
        <translation>freier Speicher</translation>
    </message>
    <message>
        <source>A compute target named &apos;%1&apos; already exists; change it with `mlwb compute edit-ssh`.</source>
        <translation>Ein Rechenziel namens „%1“ existiert bereits; ändern Sie es mit `mlwb compute edit-ssh`.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an SSH target.</source>
        <translation>„%1“ ist kein SSH-Ziel.</translation>
    </message>
    <message>
        <source>%1 is this computer: nothing to test.</source>
        <translation>%1 ist dieser Computer: Es gibt nichts zu testen.</translation>
    </message>
    <message>
        <source>Detached %1.</source>
        <translation>%1 getrennt.</translation>
    </message>
    <message>
        <source>The VM&apos;s host name or address (required).</source>
        <translation>Hostname oder Adresse der VM (erforderlich).</translation>
    </message>
    <message>
        <source>The VM&apos;s host name or address.</source>
        <translation>Hostname oder Adresse der VM.</translation>
    </message>
    <message>
        <source>The SSH port (default: 22).</source>
        <translation>Der SSH-Port (Standard: 22).</translation>
    </message>
    <message>
        <source>The login user (default: from ~/.ssh/config, else yours).</source>
        <translation>Der Anmeldebenutzer (Standard: aus ~/.ssh/config, sonst Ihrer).</translation>
    </message>
    <message>
        <source>A private key file (default: the agent and ~/.ssh).</source>
        <translation>Eine private Schlüsseldatei (Standard: der Agent und ~/.ssh).</translation>
    </message>
    <message>
        <source>A jump host to go through ([user@]host[:port]).</source>
        <translation>Ein zwischengeschalteter Sprunghost ([user@]host[:port]).</translation>
    </message>
    <message>
        <source>The working folder on the VM (default: ~/.mlwb).</source>
        <translation>Der Arbeitsordner auf der VM (Standard: ~/.mlwb).</translation>
    </message>
    <message>
        <source>The interpreter on the VM (default: python3).</source>
        <translation>Der Interpreter auf der VM (Standard: python3).</translation>
    </message>
    <message>
        <source>At most N runs at once (default: 0, no limit).</source>
        <translation>Höchstens N Läufe gleichzeitig (Standard: 0, keine Begrenzung).</translation>
    </message>
    <message>
        <source>Keep each run&apos;s folder on the VM after it ends.</source>
        <translation>Den Ordner jedes Laufs nach dessen Ende auf der VM behalten.</translation>
    </message>
    <message>
        <source>Trust the host key of a VM not yet in known_hosts (a changed key is always refused).</source>
        <translation>Dem Host-Schlüssel einer VM vertrauen, die noch nicht in known_hosts steht (ein geänderter Schlüssel wird immer abgelehnt).</translation>
    </message>
    <message>
        <source>Compute targets: this computer and attached Linux VMs.</source>
        <translation>Rechenziele: dieser Computer und angebundene Linux-VMs.</translation>
    </message>
    <message>
        <source>List the compute targets with their active runs.</source>
        <translation>Die Rechenziele mit ihren aktiven Läufen auflisten.</translation>
    </message>
    <message>
        <source>Show one compute target with its configuration.</source>
        <translation>Ein Rechenziel mit seiner Konfiguration anzeigen.</translation>
    </message>
    <message>
        <source>The target&apos;s name.</source>
        <translation>Der Name des Ziels.</translation>
    </message>
    <message>
        <source>Attach a Linux VM reached over SSH; it is tested first.</source>
        <translation>Eine über SSH erreichbare Linux-VM anbinden; sie wird zuerst getestet.</translation>
    </message>
    <message>
        <source>Change an SSH target&apos;s settings; it is tested first.</source>
        <translation>Die Einstellungen eines SSH-Ziels ändern; es wird zuerst getestet.</translation>
    </message>
    <message>
        <source>Connect to a target and report its OS, CPUs, memory, Python and free disk.</source>
        <translation>Mit einem Ziel verbinden und Betriebssystem, CPUs, Arbeitsspeicher, Python und freien Speicherplatz melden.</translation>
    </message>
    <message>
        <source>Trust the host key of a VM not yet in known_hosts.</source>
        <translation>Dem Host-Schlüssel einer VM vertrauen, die noch nicht in known_hosts steht.</translation>
    </message>
    <message>
        <source>Remove an SSH target (refused while it has unfinished runs).</source>
        <translation>Ein SSH-Ziel entfernen (abgelehnt, solange es nicht abgeschlossene Läufe hat).</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Removed the datastore &apos;%1&apos;; its files were left in place.</source>
        <translation>Der Datenspeicher „%1“ wurde entfernt; seine Dateien wurden nicht angetastet.</translation>
    </message>
    <message>
        <source>The datastore&apos;s name.</source>
        <translation>Der Name des Datenspeichers.</translation>
    </message>
    <message>
        <source>Datastores: named folders that hold data.</source>
        <translation>Datenspeicher: benannte Ordner, die Daten enthalten.</translation>
    </message>
    <message>
        <source>List the datastores.</source>
        <translation>Die Datenspeicher auflisten.</translation>
    </message>
    <message>
        <source>Register an existing folder as a datastore.</source>
        <translation>Einen vorhandenen Ordner als Datenspeicher registrieren.</translation>
    </message>
    <message>
        <source>The folder.</source>
        <translation>Der Ordner.</translation>
    </message>
    <message>
        <source>Unregister a datastore; its files are not touched.</source>
        <translation>Die Registrierung eines Datenspeichers aufheben; seine Dateien bleiben unberührt.</translation>
    </message>
    <message>
        <source>status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>updated at</source>
        <translation>aktualisiert am</translation>
    </message>
    <message>
        <source>List the deployments with their last known status.</source>
        <translation>Die Bereitstellungen mit ihrem letzten bekannten Status auflisten.</translation>
    </message>
    <message>
        <source>latest version</source>
        <translation>neueste Version</translation>
    </message>
    <message>
        <source>Software environments: interpreter, packages, base image.</source>
        <translation>Software-Umgebungen: Interpreter, Pakete, Basis-Image.</translation>
    </message>
    <message>
        <source>List the environments with their latest version.</source>
        <translation>Die Umgebungen mit ihrer neuesten Version auflisten.</translation>
    </message>
    <message>
        <source>runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>description</source>
        <translation>Beschreibung</translation>
    </message>
    <message numerus="yes">
        <source>Deleted the experiment &apos;%1&apos; and its %n run(s).</source>
        <translation>
            <numerusform>Das Experiment „%1“ und sein %n Lauf wurden gelöscht.</numerusform>
            <numerusform>Das Experiment „%1“ und seine %n Läufe wurden gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>The experiment&apos;s name.</source>
        <translation>Der Name des Experiments.</translation>
    </message>
    <message>
        <source>Experiments: named groups of runs.</source>
        <translation>Experimente: benannte Gruppen von Läufen.</translation>
    </message>
    <message>
        <source>List the experiments with their number of runs.</source>
        <translation>Die Experimente mit der Anzahl ihrer Läufe auflisten.</translation>
    </message>
    <message>
        <source>Create an experiment.</source>
        <translation>Ein Experiment erstellen.</translation>
    </message>
    <message>
        <source>What the experiment is about.</source>
        <translation>Worum es in dem Experiment geht.</translation>
    </message>
    <message>
        <source>Delete an experiment with all its runs and their metrics.</source>
        <translation>Ein Experiment mit allen seinen Läufen und deren Metriken löschen.</translation>
    </message>
    <message>
        <source>size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>digest</source>
        <translation>Digest</translation>
    </message>
    <message>
        <source>Registered models and their versions.</source>
        <translation>Registrierte Modelle und ihre Versionen.</translation>
    </message>
    <message>
        <source>List the registered models with their latest version.</source>
        <translation>Die registrierten Modelle mit ihrer neuesten Version auflisten.</translation>
    </message>
    <message>
        <source>Pipelines: ordered steps, each a script on a target.</source>
        <translation>Pipelines: geordnete Schritte, jeder ein Skript auf einem Ziel.</translation>
    </message>
    <message>
        <source>List the pipelines.</source>
        <translation>Die Pipelines auflisten.</translation>
    </message>
    <message>
        <source>experiment</source>
        <translation>Experiment</translation>
    </message>
    <message>
        <source>target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Name a script to run (mlwb run submit train.py) or a configuration (--config mlwb.yaml).</source>
        <translation>Geben Sie ein auszuführendes Skript (mlwb run submit train.py) oder eine Konfiguration (--config mlwb.yaml) an.</translation>
    </message>
    <message>
        <source>Run %1 %2: %3</source>
        <translation>Lauf %1 %2: %3</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Canceling run %1.</source>
        <translation>Lauf %1 wird abgebrochen.</translation>
    </message>
    <message>
        <source>Run %1 has no snapshot.</source>
        <translation>Lauf %1 hat keinen Snapshot.</translation>
    </message>
    <message>
        <source>Run %1 has no outputs (yet).</source>
        <translation>Lauf %1 hat (noch) keine Ausgaben.</translation>
    </message>
    <message>
        <source>%1 is not empty.</source>
        <translation>%1 ist nicht leer.</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Say what to download: --outputs or --snapshot.</source>
        <translation>Geben Sie an, was heruntergeladen werden soll: --outputs oder --snapshot.</translation>
    </message>
    <message>
        <source>Downloaded to %1.</source>
        <translation>Nach %1 heruntergeladen.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not KEY=VALUE.</source>
        <translation>„%1“ hat nicht die Form KEY=VALUE.</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Runs: submit scripts, follow them, read their results.</source>
        <translation>Läufe: Skripte übermitteln, verfolgen und ihre Ergebnisse lesen.</translation>
    </message>
    <message>
        <source>Submit a script (or a run configuration) as a new run.</source>
        <translation>Ein Skript (oder eine Laufkonfiguration) als neuen Lauf übermitteln.</translation>
    </message>
    <message>
        <source>The script and its arguments; put -- before arguments that start with a dash.</source>
        <translation>Das Skript und seine Argumente; setzen Sie -- vor Argumente, die mit einem Bindestrich beginnen.</translation>
    </message>
    <message>
        <source>The experiment (made if new; default: from the configuration, else &apos;default&apos;).</source>
        <translation>Das Experiment (wird angelegt, falls neu; Standard: aus der Konfiguration, sonst „default“).</translation>
    </message>
    <message>
        <source>The compute target (default: local).</source>
        <translation>Das Rechenziel (Standard: local).</translation>
    </message>
    <message>
        <source>A run configuration (YAML); default: ./mlwb.yaml when no script is named.</source>
        <translation>Eine Laufkonfiguration (YAML); Standard: ./mlwb.yaml, wenn kein Skript angegeben ist.</translation>
    </message>
    <message>
        <source>A display name for the run.</source>
        <translation>Ein Anzeigename für den Lauf.</translation>
    </message>
    <message>
        <source>The interpreter to run the script with (default: python3).</source>
        <translation>Der Interpreter, mit dem das Skript ausgeführt wird (Standard: python3).</translation>
    </message>
    <message>
        <source>Stop the run after this long.</source>
        <translation>Den Lauf nach dieser Zeit stoppen.</translation>
    </message>
    <message>
        <source>A tag for the run (repeatable).</source>
        <translation>Ein Tag für den Lauf (wiederholbar).</translation>
    </message>
    <message>
        <source>Stream the log and exit with the run&apos;s exit code.</source>
        <translation>Das Protokoll fortlaufend ausgeben und mit dem Exit-Code des Laufs beenden.</translation>
    </message>
    <message>
        <source>List runs, newest first.</source>
        <translation>Läufe auflisten, neueste zuerst.</translation>
    </message>
    <message>
        <source>Only this experiment&apos;s runs.</source>
        <translation>Nur die Läufe dieses Experiments.</translation>
    </message>
    <message>
        <source>At most N runs per experiment.</source>
        <translation>Höchstens N Läufe pro Experiment.</translation>
    </message>
    <message>
        <source>Show a run: status, times, tags, metrics, diagnostics.</source>
        <translation>Einen Lauf anzeigen: Status, Zeiten, Tags, Metriken, Diagnosen.</translation>
    </message>
    <message>
        <source>Print a run&apos;s log (stdout and stderr).</source>
        <translation>Das Protokoll eines Laufs ausgeben (stdout und stderr).</translation>
    </message>
    <message>
        <source>Keep printing until the run ends.</source>
        <translation>Weiter ausgeben, bis der Lauf endet.</translation>
    </message>
    <message>
        <source>Print every metric point of a run.</source>
        <translation>Jeden Metrikpunkt eines Laufs ausgeben.</translation>
    </message>
    <message>
        <source>Only this metric.</source>
        <translation>Nur diese Metrik.</translation>
    </message>
    <message>
        <source>Write CSV instead of a table or JSON.</source>
        <translation>CSV statt einer Tabelle oder JSON schreiben.</translation>
    </message>
    <message>
        <source>Stop a run (SIGTERM, then SIGKILL after 5 s).</source>
        <translation>Einen Lauf stoppen (SIGTERM, nach 5 s SIGKILL).</translation>
    </message>
    <message>
        <source>Copy a run&apos;s outputs or snapshot into a folder.</source>
        <translation>Die Ausgaben oder den Snapshot eines Laufs in einen Ordner kopieren.</translation>
    </message>
    <message>
        <source>An empty or new folder.</source>
        <translation>Ein leerer oder neuer Ordner.</translation>
    </message>
    <message>
        <source>The files the run wrote under outputs/.</source>
        <translation>Die Dateien, die der Lauf unter outputs/ geschrieben hat.</translation>
    </message>
    <message>
        <source>The project files the run ran from.</source>
        <translation>Die Projektdateien, aus denen der Lauf ausgeführt wurde.</translation>
    </message>
    <message>
        <source>Set (or remove) tags of a run.</source>
        <translation>Tags eines Laufs setzen (oder entfernen).</translation>
    </message>
    <message>
        <source>Tags to set.</source>
        <translation>Zu setzende Tags.</translation>
    </message>
    <message>
        <source>A tag to remove (repeatable).</source>
        <translation>Ein zu entfernender Tag (wiederholbar).</translation>
    </message>
    <message>
        <source>Watch a run to its end (started by mlwb itself).</source>
        <translation>Einen Lauf bis zu seinem Ende überwachen (wird von mlwb selbst gestartet).</translation>
    </message>
    <message>
        <source>schema version</source>
        <translation>Schemaversion</translation>
    </message>
    <message>
        <source>counts</source>
        <translation>Anzahlen</translation>
    </message>
    <message>
        <source>exists</source>
        <translation>existiert</translation>
    </message>
    <message>
        <source>current</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>row %1 of %2 refers to a missing row of %3</source>
        <translation>Zeile %1 von %2 verweist auf eine fehlende Zeile von %3</translation>
    </message>
    <message>
        <source>%1: no problems found.</source>
        <translation>%1: keine Probleme gefunden.</translation>
    </message>
    <message>
        <source>check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>problem</source>
        <translation>Problem</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found in %1.</source>
        <translation>
            <numerusform>%n Problem in %1 gefunden.</numerusform>
            <numerusform>%n Probleme in %1 gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Workspace folders: create, inspect and check them.</source>
        <translation>Arbeitsbereichsordner: erstellen, untersuchen und prüfen.</translation>
    </message>
    <message>
        <source>Create a workspace in a new or empty folder, with the sample project.</source>
        <translation>Einen Arbeitsbereich mit dem Beispielprojekt in einem neuen oder leeren Ordner erstellen.</translation>
    </message>
    <message>
        <source>The folder to create it in.</source>
        <translation>Der Ordner, in dem er erstellt wird.</translation>
    </message>
    <message>
        <source>Show the workspace: path, name, schema version and what it holds.</source>
        <translation>Den Arbeitsbereich anzeigen: Pfad, Name, Schemaversion und Inhalt.</translation>
    </message>
    <message>
        <source>List the workspaces this user knows.</source>
        <translation>Die diesem Benutzer bekannten Arbeitsbereiche auflisten.</translation>
    </message>
    <message>
        <source>Check the workspace database for damage; exits with 1 when it finds any.</source>
        <translation>Die Datenbank des Arbeitsbereichs auf Schäden prüfen; endet mit 1, wenn welche gefunden werden.</translation>
    </message>
    <message>
        <source>Chart export needs the graphical libraries, but mlwb started without them (a QCoreApplication).</source>
        <translation>Der Diagrammexport benötigt die Grafikbibliotheken, aber mlwb wurde ohne sie gestartet (eine QCoreApplication).</translation>
    </message>
    <message>
        <source>--x takes step, wall, relative or metric:NAME, not &apos;%1&apos;.</source>
        <translation>--x akzeptiert step, wall, relative oder metric:NAME, nicht „%1“.</translation>
    </message>
    <message>
        <source>--smoothing takes a number from 0 to 0.999.</source>
        <translation>--smoothing akzeptiert eine Zahl von 0 bis 0.999.</translation>
    </message>
    <message>
        <source>--width and --height take 100 to 20000 pixels.</source>
        <translation>--width und --height akzeptieren 100 bis 20000 Pixel.</translation>
    </message>
    <message>
        <source>Give --run RUN, --metric NAME and --out FILE.png|FILE.svg.</source>
        <translation>Geben Sie --run RUN, --metric NAME und --out FILE.png|FILE.svg an.</translation>
    </message>
    <message>
        <source>--out must name a .png or .svg file.</source>
        <translation>--out muss eine .png- oder .svg-Datei angeben.</translation>
    </message>
    <message>
        <source>Wrote %1 (%2 x %3).</source>
        <translation>%1 geschrieben (%2 x %3).</translation>
    </message>
    <message>
        <source>Render metric charts without the workbench.</source>
        <translation>Metrikdiagramme ohne die Workbench zeichnen.</translation>
    </message>
    <message>
        <source>Draw one metric of one or more runs to a PNG or SVG file.</source>
        <translation>Eine Metrik eines oder mehrerer Läufe in eine PNG- oder SVG-Datei zeichnen.</translation>
    </message>
    <message>
        <source>A run to draw (repeatable).</source>
        <translation>Ein zu zeichnender Lauf (wiederholbar).</translation>
    </message>
    <message>
        <source>The metric to draw.</source>
        <translation>Die zu zeichnende Metrik.</translation>
    </message>
    <message>
        <source>step (default), wall, relative or metric:NAME.</source>
        <translation>step (Standard), wall, relative oder metric:NAME.</translation>
    </message>
    <message>
        <source>Exponential smoothing from 0 (none) to 0.999.</source>
        <translation>Exponentielle Glättung von 0 (keine) bis 0.999.</translation>
    </message>
    <message>
        <source>A logarithmic y axis.</source>
        <translation>Eine logarithmische y-Achse.</translation>
    </message>
    <message>
        <source>Scale y to the 1st..99th percentile.</source>
        <translation>y auf das 1. bis 99. Perzentil skalieren.</translation>
    </message>
    <message>
        <source>FILE.png or FILE.svg.</source>
        <translation>FILE.png oder FILE.svg.</translation>
    </message>
    <message>
        <source>Pixels (default 1200).</source>
        <translation>Pixel (Standard 1200).</translation>
    </message>
    <message>
        <source>Pixels (default 800).</source>
        <translation>Pixel (Standard 800).</translation>
    </message>
    <message>
        <source>metric series %1: the block at point %2 is damaged</source>
        <translation>Metrikreihe %1: Der Block bei Punkt %2 ist beschädigt</translation>
    </message>
    <message>
        <source>metric series %1: points are missing before point %2</source>
        <translation>Metrikreihe %1: Vor Punkt %2 fehlen Punkte</translation>
    </message>
    <message>
        <source>metric series %1: its count (%2) differs from its stored points</source>
        <translation>Metrikreihe %1: Ihre Anzahl (%2) stimmt nicht mit den gespeicherten Punkten überein</translation>
    </message>
    <message>
        <source>Nothing to change: give --max-concurrent N.</source>
        <translation>Nichts zu ändern: Geben Sie --max-concurrent N an.</translation>
    </message>
    <message>
        <source>--max-concurrent must be 0 (the default) or more.</source>
        <translation>--max-concurrent muss 0 (der Standard) oder größer sein.</translation>
    </message>
    <message>
        <source>Change a target&apos;s settings that need no connection, such as how many runs it takes at once; queued runs follow the new limit.</source>
        <translation>Einstellungen eines Ziels ändern, die keine Verbindung benötigen, etwa wie viele Läufe es gleichzeitig annimmt; Läufe in der Warteschlange folgen der neuen Begrenzung.</translation>
    </message>
    <message>
        <source>At most N runs at once; 0 means one per core for this computer and no limit for a VM.</source>
        <translation>Höchstens N Läufe gleichzeitig; 0 bedeutet einer pro Kern für diesen Computer und keine Begrenzung für eine VM.</translation>
    </message>
    <message>
        <source>snapshot %1 is missing</source>
        <translation>Snapshot %1 fehlt</translation>
    </message>
    <message>
        <source>the check could not finish: %1</source>
        <translation>die Prüfung konnte nicht abgeschlossen werden: %1</translation>
    </message>
    <message>
        <source>The database is damaged. It was left untouched: restore the workspace folder from a copy (backup), or copy out what still reads with mlwb run metrics --as csv.</source>
        <translation>Die Datenbank ist beschädigt. Sie wurde nicht verändert: Stellen Sie den Ordner des Arbeitsbereichs aus einer Kopie (Sicherung) wieder her, oder kopieren Sie mit mlwb run metrics --as csv heraus, was noch lesbar ist.</translation>
    </message>
    <message>
        <source>%1, so it was opened read-only; changes are refused.</source>
        <translation>%1, daher wurde der Arbeitsbereich schreibgeschützt geöffnet; Änderungen werden abgelehnt.</translation>
    </message>
    <message>
        <source>usage: mlwb __complete runs|experiments|targets|datastores|models [PREFIX] [--workspace DIR]</source>
        <translation>Aufruf: mlwb __complete runs|experiments|targets|datastores|models [PREFIX] [--workspace DIR]</translation>
    </message>
    <message>
        <source>ML Workbench keeps compute targets, datastores, experiments and their runs, models, environments, images and deployments in a workspace folder. Without arguments mlwb opens the desktop workbench; with a command it runs that command and needs no display.</source>
        <translation>ML Workbench verwaltet Rechenziele, Datenspeicher, Experimente und ihre Läufe, Modelle, Umgebungen, Images und Bereitstellungen in einem Arbeitsbereichsordner. Ohne Argumente öffnet mlwb die Desktop-Workbench; mit einem Befehl führt es diesen Befehl aus und benötigt keine Anzeige.</translation>
    </message>
    <message>
        <source>Options may come before or after the command and verb, as --name value or --name=value; -- ends the options.</source>
        <translation>Optionen können vor oder nach Befehl und Verb stehen, als --name Wert oder --name=Wert; -- beendet die Optionen.</translation>
    </message>
    <message>
        <source>With --format json every command prints JSON:</source>
        <translation>Mit --format json gibt jeder Befehl JSON aus:</translation>
    </message>
    <message>
        <source>The workspace folder when --workspace is not given; else ~/.local/share/mlwb/workspace.</source>
        <translation>Der Ordner des Arbeitsbereichs, wenn --workspace nicht angegeben ist; sonst ~/.local/share/mlwb/workspace.</translation>
    </message>
    <message>
        <source>mlwb COMMAND --help, mlwb help COMMAND VERB</source>
        <translation>mlwb BEFEHL --help, mlwb help BEFEHL VERB</translation>
    </message>
    <message>
        <source>| Command | What it does |</source>
        <translation>| Befehl | Funktion |</translation>
    </message>
    <message>
        <source>
Run &apos;mlwb &lt;command&gt; --help&apos; or &apos;mlwb help &lt;command&gt;&apos; for its verbs.
</source>
        <translation>
Rufen Sie „mlwb &lt;Befehl&gt; --help“ oder „mlwb help &lt;Befehl&gt;“ auf, um seine Verben zu sehen.
</translation>
    </message>
    <message>
        <source>Exit codes:</source>
        <translation>Exit-Codes:</translation>
    </message>
    <message>
        <source>Success.</source>
        <translation>Erfolg.</translation>
    </message>
    <message>
        <source>The command failed: no or a damaged workspace, not found, already exists, or &apos;workspace check&apos; found problems.</source>
        <translation>Der Befehl ist fehlgeschlagen: kein oder ein beschädigter Arbeitsbereich, nicht gefunden, existiert bereits, oder „workspace check“ hat Probleme gefunden.</translation>
    </message>
    <message>
        <source>A usage error; the message names the offending word, with a &quot;did you mean&quot; hint.</source>
        <translation>Ein Aufruffehler; die Meldung nennt das fehlerhafte Wort, mit einem Hinweis „meinten Sie“.</translation>
    </message>
    <message>
        <source>other</source>
        <translation>andere</translation>
    </message>
    <message>
        <source>&apos;run submit --wait&apos; exits with the run&apos;s own exit code.</source>
        <translation>„run submit --wait“ endet mit dem eigenen Exit-Code des Laufs.</translation>
    </message>
    <message>
        <source>A list is an array of objects; a single record is one object.</source>
        <translation>Eine Liste ist ein Array von Objekten; ein einzelner Datensatz ist ein Objekt.</translation>
    </message>
    <message>
        <source>Keys are snake_case and sorted, with a 2-space indent and a trailing newline.</source>
        <translation>Schlüssel sind in snake_case und sortiert, mit einer Einrückung von 2 Leerzeichen und einem abschließenden Zeilenumbruch.</translation>
    </message>
    <message>
        <source>Times are ISO 8601 in UTC with milliseconds and a Z; absent values are null.</source>
        <translation>Zeiten sind ISO 8601 in UTC mit Millisekunden und einem Z; fehlende Werte sind null.</translation>
    </message>
    <message>
        <source>Errors go to standard error as &apos;mlwb: &lt;message&gt;&apos;, with nothing on standard output.</source>
        <translation>Fehler gehen als „mlwb: &lt;Meldung&gt;“ an die Standardfehlerausgabe, ohne Ausgabe auf der Standardausgabe.</translation>
    </message>
    <message>
        <source>Usage: mlwb %1 [options]

%2
</source>
        <translation>Aufruf: mlwb %1 [Optionen]

%2
</translation>
    </message>
    <message>
        <source>version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>framework</source>
        <translation>Framework</translation>
    </message>
    <message>
        <source>aliases</source>
        <translation>Aliasse</translation>
    </message>
    <message>
        <source>properties</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <source>sha256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>created by</source>
        <translation>erstellt von</translation>
    </message>
    <message>
        <source>lineage</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Say what to register with --path FILE_OR_FOLDER, or --run RUN --path outputs/REL.</source>
        <translation>Geben Sie mit --path FILE_OR_FOLDER oder --run RUN --path outputs/REL an, was registriert werden soll.</translation>
    </message>
    <message>
        <source>%1 bytes, sha256 %2</source>
        <translation>%1 Bytes, sha256 %2</translation>
    </message>
    <message>
        <source>Downloaded %1:%2 to %3.</source>
        <translation>%1:%2 nach %3 heruntergeladen.</translation>
    </message>
    <message>
        <source>Removed alias %1 of %2.</source>
        <translation>Alias %1 von %2 entfernt.</translation>
    </message>
    <message>
        <source>%1@%2 is %3.</source>
        <translation>%1@%2 ist %3.</translation>
    </message>
    <message>
        <source>Say which version to delete: %1:VERSION.</source>
        <translation>Geben Sie an, welche Version gelöscht werden soll: %1:VERSION.</translation>
    </message>
    <message>
        <source>Deleted %1:%2.</source>
        <translation>%1:%2 gelöscht.</translation>
    </message>
    <message>
        <source>A model: its latest version, a number or an alias.</source>
        <translation>Ein Modell: seine neueste Version, eine Nummer oder ein Alias.</translation>
    </message>
    <message>
        <source>One model version.</source>
        <translation>Eine Modellversion.</translation>
    </message>
    <message>
        <source>Register a file or folder as the next version of a model; prints NAME:VERSION.</source>
        <translation>Eine Datei oder einen Ordner als nächste Version eines Modells registrieren; gibt NAME:VERSION aus.</translation>
    </message>
    <message>
        <source>The model&apos;s name.</source>
        <translation>Der Name des Modells.</translation>
    </message>
    <message>
        <source>A file or folder; with --run, outputs/FILE_OR_FOLDER of that run.</source>
        <translation>Eine Datei oder ein Ordner; mit --run outputs/FILE_OR_FOLDER dieses Laufs.</translation>
    </message>
    <message>
        <source>The run the model comes from.</source>
        <translation>Der Lauf, aus dem das Modell stammt.</translation>
    </message>
    <message>
        <source>What it is.</source>
        <translation>Was es ist.</translation>
    </message>
    <message>
        <source>A tag (repeatable).</source>
        <translation>Ein Tag (wiederholbar).</translation>
    </message>
    <message>
        <source>A property (repeatable).</source>
        <translation>Eine Eigenschaft (wiederholbar).</translation>
    </message>
    <message>
        <source>Point this alias at the new version (repeatable).</source>
        <translation>Diesen Alias auf die neue Version setzen (wiederholbar).</translation>
    </message>
    <message>
        <source>scikit-learn, pytorch, tensorflow, onnx, xgboost, lightgbm or custom; guessed from the files when not given.</source>
        <translation>scikit-learn, pytorch, tensorflow, onnx, xgboost, lightgbm oder custom; wird aus den Dateien ermittelt, wenn nicht angegeben.</translation>
    </message>
    <message>
        <source>Show a model version: files, lineage, tags, aliases.</source>
        <translation>Eine Modellversion anzeigen: Dateien, Herkunft, Tags, Aliasse.</translation>
    </message>
    <message>
        <source>Copy a model version&apos;s files into a folder.</source>
        <translation>Die Dateien einer Modellversion in einen Ordner kopieren.</translation>
    </message>
    <message>
        <source>Where to put the files.</source>
        <translation>Wohin die Dateien kopiert werden.</translation>
    </message>
    <message>
        <source>Point an alias at a version (moving it), or remove it.</source>
        <translation>Einen Alias auf eine Version setzen (und ihn damit verschieben) oder ihn entfernen.</translation>
    </message>
    <message>
        <source>e.g. production.</source>
        <translation>z. B. production.</translation>
    </message>
    <message>
        <source>Remove the alias.</source>
        <translation>Den Alias entfernen.</translation>
    </message>
    <message>
        <source>Set or remove tags of a model version.</source>
        <translation>Tags einer Modellversion setzen oder entfernen.</translation>
    </message>
    <message>
        <source>Delete a model version; its files go once nothing uses them.</source>
        <translation>Eine Modellversion löschen; ihre Dateien werden entfernt, sobald nichts sie mehr verwendet.</translation>
    </message>
    <message>
        <source>Versions of different models cannot be compared: %1 and %2.</source>
        <translation>Versionen verschiedener Modelle können nicht verglichen werden: %1 und %2.</translation>
    </message>
    <message>
        <source>Name two or more versions of one model to compare.</source>
        <translation>Geben Sie zwei oder mehr Versionen eines Modells zum Vergleichen an.</translation>
    </message>
    <message>
        <source>run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Change a model version&apos;s description or properties.</source>
        <translation>Die Beschreibung oder die Eigenschaften einer Modellversion ändern.</translation>
    </message>
    <message>
        <source>The new description.</source>
        <translation>Die neue Beschreibung.</translation>
    </message>
    <message>
        <source>A property to set (repeatable).</source>
        <translation>Eine zu setzende Eigenschaft (wiederholbar).</translation>
    </message>
    <message>
        <source>A property to remove (repeatable).</source>
        <translation>Eine zu entfernende Eigenschaft (wiederholbar).</translation>
    </message>
    <message>
        <source>Compare versions of one model: their source runs&apos; parameters and final metrics side by side.</source>
        <translation>Versionen eines Modells vergleichen: Parameter und Endmetriken ihrer Quellläufe nebeneinander.</translation>
    </message>
    <message>
        <source>Two or more versions of one model.</source>
        <translation>Zwei oder mehr Versionen eines Modells.</translation>
    </message>
    <message>
        <source>spec sha256</source>
        <translation>Spezifikation sha256</translation>
    </message>
    <message>
        <source>spec</source>
        <translation>Spezifikation</translation>
    </message>
    <message>
        <source>Say what the environment is made from: --file conda.yml or --file requirements.txt.</source>
        <translation>Geben Sie an, woraus die Umgebung erstellt wird: --file conda.yml oder --file requirements.txt.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is kept for the environments runs record at their start; choose another name.</source>
        <translation>„%1“ ist für die Umgebungen reserviert, die Läufe bei ihrem Start aufzeichnen; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 already has this spec; no new version was made.</source>
        <translation>%1 hat bereits diese Spezifikation; es wurde keine neue Version erstellt.</translation>
    </message>
    <message>
        <source>packages</source>
        <translation>Pakete</translation>
    </message>
    <message>
        <source>Make the next version of an environment from a conda YAML or a pip requirements.txt; an identical spec returns the version that has it.</source>
        <translation>Die nächste Version einer Umgebung aus einer conda-YAML-Datei oder einer pip-requirements.txt erstellen; bei identischer Spezifikation wird die Version zurückgegeben, die sie bereits hat.</translation>
    </message>
    <message>
        <source>The environment&apos;s name.</source>
        <translation>Der Name der Umgebung.</translation>
    </message>
    <message>
        <source>conda.yml (.yml, .yaml) or requirements.txt.</source>
        <translation>conda.yml (.yml, .yaml) oder requirements.txt.</translation>
    </message>
    <message>
        <source>The Python version, e.g. 3.11 (a conda file may name it).</source>
        <translation>Die Python-Version, z. B. 3.11 (eine conda-Datei kann sie angeben).</translation>
    </message>
    <message>
        <source>Show an environment version with its spec.</source>
        <translation>Eine Umgebungsversion mit ihrer Spezifikation anzeigen.</translation>
    </message>
    <message>
        <source>An environment: its latest version, a number or an alias.</source>
        <translation>Eine Umgebung: ihre neueste Version, eine Nummer oder ein Alias.</translation>
    </message>
    <message numerus="yes">
        <source>Deleted run %1 and its %n file(s).</source>
        <translation>
            <numerusform>Lauf %1 und seine %n Datei gelöscht.</numerusform>
            <numerusform>Lauf %1 und seine %n Dateien gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Run %1 is now named &apos;%2&apos;.</source>
        <translation>Lauf %1 heißt jetzt „%2“.</translation>
    </message>
    <message>
        <source>A run id, a unique start of one, or a run&apos;s name.</source>
        <translation>Eine Lauf-ID, ein eindeutiger Anfang davon oder der Name eines Laufs.</translation>
    </message>
    <message>
        <source>Delete a finished run with its metrics and its files.</source>
        <translation>Einen abgeschlossenen Lauf mit seinen Metriken und Dateien löschen.</translation>
    </message>
    <message>
        <source>Give a run a new display name (unique in its experiment).</source>
        <translation>Einem Lauf einen neuen Anzeigenamen geben (eindeutig in seinem Experiment).</translation>
    </message>
    <message>
        <source>The new name.</source>
        <translation>Der neue Name.</translation>
    </message>
    <message>
        <source>Say which image: NAME:VERSION, not &apos;%1&apos;.</source>
        <translation>Geben Sie das Image an: NAME:VERSION, nicht „%1“.</translation>
    </message>
    <message>
        <source>models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Say what to build from: --model NAME:VERSION --scoring-script FILE --base oci-archive:PATH.</source>
        <translation>Geben Sie an, woraus gebaut werden soll: --model NAME:VERSION --scoring-script FILE --base oci-archive:PATH.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a port.</source>
        <translation>„%1“ ist kein Port.</translation>
    </message>
    <message>
        <source>%1 bytes, %2</source>
        <translation>%1 Bytes, %2</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>entrypoint</source>
        <translation>Einstiegspunkt</translation>
    </message>
    <message>
        <source>layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>inputs</source>
        <translation>Eingaben</translation>
    </message>
    <message>
        <source>load with</source>
        <translation>laden mit</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an export format: use oci or docker.</source>
        <translation>„%1“ ist kein Exportformat: Verwenden Sie oci oder docker.</translation>
    </message>
    <message>
        <source>Wrote %1 to %2; load it with: podman load -i %2</source>
        <translation>%1 wurde nach %2 geschrieben; laden mit: podman load -i %2</translation>
    </message>
    <message>
        <source>Wrote a Dockerfile and its context to %1; build it with: podman build -t %2 %1</source>
        <translation>Ein Dockerfile und sein Kontext wurden nach %1 geschrieben; bauen mit: podman build -t %2 %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Wrote the IoT Edge deployment manifest of %1 to %2.</source>
        <translation>Das IoT-Edge-Bereitstellungsmanifest von %1 wurde nach %2 geschrieben.</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>%1 gelöscht.</translation>
    </message>
    <message>
        <source>base</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>python packages</source>
        <translation>Python-Pakete</translation>
    </message>
    <message>
        <source>One image version.</source>
        <translation>Eine Image-Version.</translation>
    </message>
    <message>
        <source>Container images built from models, without a daemon.</source>
        <translation>Aus Modellen gebaute Container-Images, ohne Daemon.</translation>
    </message>
    <message>
        <source>List the images and their versions.</source>
        <translation>Die Images und ihre Versionen auflisten.</translation>
    </message>
    <message>
        <source>Build an OCI image from model versions, a scoring script and a base image; prints NAME:VERSION.</source>
        <translation>Ein OCI-Image aus Modellversionen, einem Bewertungsskript und einem Basis-Image bauen; gibt NAME:VERSION aus.</translation>
    </message>
    <message>
        <source>The image&apos;s name.</source>
        <translation>Der Name des Images.</translation>
    </message>
    <message>
        <source>A model version to include (repeatable).</source>
        <translation>Eine aufzunehmende Modellversion (wiederholbar).</translation>
    </message>
    <message>
        <source>A Python file defining init() and run(raw_data).</source>
        <translation>Eine Python-Datei, die init() und run(raw_data) definiert.</translation>
    </message>
    <message>
        <source>Files copied under /var/azureml-app with the script.</source>
        <translation>Dateien, die mit dem Skript unter /var/azureml-app kopiert werden.</translation>
    </message>
    <message>
        <source>The environment version the image is for.</source>
        <translation>Die Umgebungsversion, für die das Image bestimmt ist.</translation>
    </message>
    <message>
        <source>oci-archive:PATH, docker-archive:PATH or oci:DIR.</source>
        <translation>oci-archive:PATH, docker-archive:PATH oder oci:DIR.</translation>
    </message>
    <message>
        <source>A JSON request body; /swagger.json shows its schema and example.</source>
        <translation>Ein JSON-Anfragetext; /swagger.json zeigt sein Schema und ein Beispiel.</translation>
    </message>
    <message>
        <source>A JSON answer of run(); /swagger.json shows its schema and example.</source>
        <translation>Eine JSON-Antwort von run(); /swagger.json zeigt ihr Schema und ein Beispiel.</translation>
    </message>
    <message>
        <source>The port the scoring server listens on (default 5001).</source>
        <translation>Der Port, auf dem der Bewertungsserver lauscht (Standard 5001).</translation>
    </message>
    <message>
        <source>A label (repeatable).</source>
        <translation>Ein Label (wiederholbar).</translation>
    </message>
    <message>
        <source>Show an image: layers, digests, sizes, inputs and how to load it.</source>
        <translation>Ein Image anzeigen: Schichten, Digests, Größen, Eingaben und wie es geladen wird.</translation>
    </message>
    <message>
        <source>Write an image as an OCI archive (default) or a docker-archive.</source>
        <translation>Ein Image als OCI-Archiv (Standard) oder docker-archive schreiben.</translation>
    </message>
    <message>
        <source>The .tar to write.</source>
        <translation>Die zu schreibende .tar-Datei.</translation>
    </message>
    <message>
        <source>oci for podman and skopeo, docker for docker load.</source>
        <translation>oci für podman und skopeo, docker für docker load.</translation>
    </message>
    <message>
        <source>Write a Dockerfile and build context that build the same image.</source>
        <translation>Ein Dockerfile und einen Build-Kontext schreiben, die dasselbe Image bauen.</translation>
    </message>
    <message>
        <source>Where to write them.</source>
        <translation>Wohin sie geschrieben werden.</translation>
    </message>
    <message>
        <source>Write an Azure IoT Edge deployment manifest running the image.</source>
        <translation>Ein Azure-IoT-Edge-Bereitstellungsmanifest schreiben, das das Image ausführt.</translation>
    </message>
    <message>
        <source>deployment.template.json to write.</source>
        <translation>Zu schreibende deployment.template.json.</translation>
    </message>
    <message>
        <source>Delete an image version; refused while a deployment uses it.</source>
        <translation>Eine Image-Version löschen; wird verweigert, solange eine Bereitstellung sie verwendet.</translation>
    </message>
    <message>
        <source>Read a base image and show its OS, architecture, size, layers and Python version, without running it.</source>
        <translation>Ein Basis-Image lesen und sein Betriebssystem, seine Architektur, Größe, Schichten und Python-Version anzeigen, ohne es auszuführen.</translation>
    </message>
    <message>
        <source>The environment it runs in; by default the run&apos;s.</source>
        <translation>Die Umgebung, in der es läuft; standardmäßig die des Laufs.</translation>
    </message>
    <message>
        <source>message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>scoring uri</source>
        <translation>Bewertungs-URI</translation>
    </message>
    <message>
        <source>swagger uri</source>
        <translation>Swagger-URI</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>auth</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <source>scoring script</source>
        <translation>Bewertungsskript</translation>
    </message>
    <message>
        <source>restarts</source>
        <translation>Neustarts</translation>
    </message>
    <message>
        <source>log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Deploying %1: %2.</source>
        <translation>%1 wird bereitgestellt: %2.</translation>
    </message>
    <message>
        <source>%1 is Healthy: %2</source>
        <translation>%1 ist Healthy: %2</translation>
    </message>
    <message>
        <source>%1 is %2: %3</source>
        <translation>%1 ist %2: %3</translation>
    </message>
    <message>
        <source>not healthy after %1 s</source>
        <translation>nach %1 s nicht Healthy</translation>
    </message>
    <message>
        <source>%1 does not use keys: it was deployed with --auth none.</source>
        <translation>%1 verwendet keine Schlüssel: Es wurde mit --auth none bereitgestellt.</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>primär</translation>
    </message>
    <message>
        <source>secondary</source>
        <translation>sekundär</translation>
    </message>
    <message>
        <source>Say what to send: --data JSON or --data @FILE.</source>
        <translation>Geben Sie an, was gesendet werden soll: --data JSON oder --data @FILE.</translation>
    </message>
    <message>
        <source>%1 has no scoring URI yet (it is %2).</source>
        <translation>%1 hat noch keinen Bewertungs-URI (Status: %2).</translation>
    </message>
    <message>
        <source>%1 did not answer at %2: %3</source>
        <translation>%1 hat unter %2 nicht geantwortet: %3</translation>
    </message>
    <message>
        <source>status %1, %2 ms</source>
        <translation>Status %1, %2 ms</translation>
    </message>
    <message>
        <source>Stopped %1.</source>
        <translation>%1 beendet.</translation>
    </message>
    <message>
        <source>The deployment&apos;s name.</source>
        <translation>Der Name der Bereitstellung.</translation>
    </message>
    <message>
        <source>Watch a deployment&apos;s server (started by mlwb itself).</source>
        <translation>Den Server einer Bereitstellung überwachen (von mlwb selbst gestartet).</translation>
    </message>
    <message>
        <source>Serve model versions with a scoring script as a web service; waits until it is Healthy or Failed and prints its scoring URI.</source>
        <translation>Modellversionen mit einem Bewertungsskript als Webdienst bereitstellen; wartet, bis er Healthy oder Failed ist, und gibt seinen Bewertungs-URI aus.</translation>
    </message>
    <message>
        <source>A model version to serve (repeatable).</source>
        <translation>Eine bereitzustellende Modellversion (wiederholbar).</translation>
    </message>
    <message>
        <source>The script with init() and run(raw_data).</source>
        <translation>Das Skript mit init() und run(raw_data).</translation>
    </message>
    <message>
        <source>The environment whose Python runs it (default /usr/bin/python3).</source>
        <translation>Die Umgebung, deren Python es ausführt (Standard /usr/bin/python3).</translation>
    </message>
    <message>
        <source>Where it runs (default local).</source>
        <translation>Wo es läuft (Standard local).</translation>
    </message>
    <message>
        <source>The port on 127.0.0.1 (default: a free one).</source>
        <translation>Der Port auf 127.0.0.1 (Standard: ein freier).</translation>
    </message>
    <message>
        <source>key: callers send Authorization: Bearer KEY (default none).</source>
        <translation>key: Aufrufer senden Authorization: Bearer KEY (Standard none).</translation>
    </message>
    <message>
        <source>An environment variable of the server (repeatable).</source>
        <translation>Eine Umgebungsvariable des Servers (wiederholbar).</translation>
    </message>
    <message>
        <source>Larger request bodies get 413 (default 100 MiB).</source>
        <translation>Größere Anfragetexte erhalten 413 (Standard 100 MiB).</translation>
    </message>
    <message>
        <source>How long to wait for Healthy (default 180).</source>
        <translation>Wie lange auf Healthy gewartet wird (Standard 180).</translation>
    </message>
    <message>
        <source>Return once it is starting.</source>
        <translation>Zurückkehren, sobald es startet.</translation>
    </message>
    <message>
        <source>Show a deployment: status, scoring URI, what it serves, restarts.</source>
        <translation>Eine Bereitstellung anzeigen: Status, Bewertungs-URI, was sie bereitstellt, Neustarts.</translation>
    </message>
    <message>
        <source>Show a deployment&apos;s primary and secondary key, or regenerate one.</source>
        <translation>Den primären und sekundären Schlüssel einer Bereitstellung anzeigen oder einen neu generieren.</translation>
    </message>
    <message>
        <source>Replace this key; the other stays valid.</source>
        <translation>Diesen Schlüssel ersetzen; der andere bleibt gültig.</translation>
    </message>
    <message>
        <source>Send a scoring request; prints the response, its status and latency.</source>
        <translation>Eine Bewertungsanfrage senden; gibt die Antwort, ihren Status und die Latenz aus.</translation>
    </message>
    <message>
        <source>The request body, or @FILE for a file&apos;s contents.</source>
        <translation>Der Anfragetext oder @FILE für den Inhalt einer Datei.</translation>
    </message>
    <message>
        <source>Which key to send (default primary).</source>
        <translation>Welcher Schlüssel gesendet wird (Standard primary).</translation>
    </message>
    <message>
        <source>Print the scoring server&apos;s log.</source>
        <translation>Das Protokoll des Bewertungsservers ausgeben.</translation>
    </message>
    <message>
        <source>Keep printing until the deployment stops.</source>
        <translation>Weiter ausgeben, bis die Bereitstellung beendet wird.</translation>
    </message>
    <message>
        <source>Stop a deployment&apos;s server.</source>
        <translation>Den Server einer Bereitstellung beenden.</translation>
    </message>
    <message>
        <source>Start a stopped deployment again; waits until it is Healthy.</source>
        <translation>Eine beendete Bereitstellung erneut starten; wartet, bis sie Healthy ist.</translation>
    </message>
    <message>
        <source>Stop a deployment and delete it, its folder and its keys.</source>
        <translation>Eine Bereitstellung beenden und sie, ihren Ordner und ihre Schlüssel löschen.</translation>
    </message>
    <message>
        <source>Web services: deploy models with a scoring script, call, watch and stop them.</source>
        <translation>Webdienste: Modelle mit einem Bewertungsskript bereitstellen, aufrufen, überwachen und beenden.</translation>
    </message>
    <message>
        <source>Deployments: the same as mlwb service.</source>
        <translation>Bereitstellungen: dasselbe wie mlwb service.</translation>
    </message>
    <message>
        <source>why this mode</source>
        <translation>Grund für diesen Modus</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not NAME:VERSION of an image.</source>
        <translation>„%1“ ist nicht NAME:VERSION eines Images.</translation>
    </message>
    <message>
        <source>Serve either an image (--image) or models with a scoring script, not both.</source>
        <translation>Stellen Sie entweder ein Image (--image) oder Modelle mit einem Bewertungsskript bereit, nicht beides.</translation>
    </message>
    <message>
        <source>Say what to serve: --image NAME:VERSION, or --model NAME:VERSION (repeatable) and --scoring-script FILE.</source>
        <translation>Geben Sie an, was bereitgestellt werden soll: --image NAME:VERSION oder --model NAME:VERSION (wiederholbar) und --scoring-script FILE.</translation>
    </message>
    <message>
        <source>An image to serve: run with podman or docker where one works, else its models and script as a process.</source>
        <translation>Ein bereitzustellendes Image: wird mit podman oder docker ausgeführt, sofern eines davon funktioniert, sonst werden seine Modelle und sein Skript als Prozess bereitgestellt.</translation>
    </message>
    <message>
        <source>resources</source>
        <translation>Ressourcen</translation>
    </message>
    <message>
        <source>A folder of wheels installed as a layer, as pip install --target would; each must fit the base&apos;s Python.</source>
        <translation>Ein Ordner mit Wheels, die wie mit pip install --target als Schicht installiert werden; jedes muss zum Python der Basis passen.</translation>
    </message>
    <message>
        <source>oci-archive:PATH, docker-archive:PATH, oci:DIR or REGISTRY/REPO:TAG (pulled once into the workspace).</source>
        <translation>oci-archive:PATH, docker-archive:PATH, oci:DIR oder REGISTRY/REPO:TAG (wird einmalig in den Arbeitsbereich gepullt).</translation>
    </message>
    <message>
        <source>CPU cores a deployment of the image gets (fractions allowed).</source>
        <translation>CPU-Kerne, die eine Bereitstellung des Images erhält (Bruchteile erlaubt).</translation>
    </message>
    <message>
        <source>Memory a deployment of the image gets, for example 512M or 1.5G.</source>
        <translation>Arbeitsspeicher, den eine Bereitstellung des Images erhält, zum Beispiel 512M oder 1.5G.</translation>
    </message>
    <message>
        <source>--tls-verify takes true or false.</source>
        <translation>--tls-verify akzeptiert true oder false.</translation>
    </message>
    <message>
        <source>Pushed %1 to %2: %3 blobs sent (%4 bytes), %5 already there; manifest %6</source>
        <translation>%1 nach %2 gepusht: %3 Blobs gesendet (%4 Bytes), %5 bereits vorhanden; Manifest %6</translation>
    </message>
    <message>
        <source>Pulled %1 (%2): %3 blobs fetched (%4 bytes), %5 reused; build on it with --base %1</source>
        <translation>%1 (%2) gepullt: %3 Blobs abgerufen (%4 Bytes), %5 wiederverwendet; darauf bauen mit --base %1</translation>
    </message>
    <message>
        <source>false accepts self-signed certificates and plain http (127.0.0.1 and localhost always use plain http).</source>
        <translation>false akzeptiert selbstsignierte Zertifikate und unverschlüsseltes http (127.0.0.1 und localhost verwenden immer unverschlüsseltes http).</translation>
    </message>
    <message>
        <source>Push an image to an OCI registry; blobs already there are not sent.</source>
        <translation>Ein Image in eine OCI-Registry pushen; bereits vorhandene Blobs werden nicht gesendet.</translation>
    </message>
    <message>
        <source>Where to push it.</source>
        <translation>Wohin es gepusht wird.</translation>
    </message>
    <message>
        <source>Pull an image from an OCI registry into the workspace&apos;s base cache, so builds can use it offline with --base REGISTRY/REPO:TAG.</source>
        <translation>Ein Image aus einer OCI-Registry in den Basis-Cache des Arbeitsbereichs pullen, damit Builds es offline mit --base REGISTRY/REPO:TAG verwenden können.</translation>
    </message>
    <message>
        <source>The image to pull.</source>
        <translation>Das zu pullende Image.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not NAME=VALUE.</source>
        <translation>„%1“ ist nicht NAME=WERT.</translation>
    </message>
    <message>
        <source>Have pip install the environment&apos;s packages the image lacks when the service first starts (needs network access at deploy time).</source>
        <translation>Die Pakete der Umgebung, die dem Image fehlen, beim ersten Start des Dienstes mit pip installieren (benötigt Netzwerkzugang bei der Bereitstellung).</translation>
    </message>
    <message>
        <source>An environment variable of the scoring server (repeatable).</source>
        <translation>Eine Umgebungsvariable des Bewertungsservers (wiederholbar).</translation>
    </message>
    <message>
        <source>%1 was not updated: %2</source>
        <translation>%1 wurde nicht aktualisiert: %2</translation>
    </message>
    <message>
        <source>%1 now serves %2 at %3.</source>
        <translation>%1 stellt jetzt %2 unter %3 bereit.</translation>
    </message>
    <message>
        <source>Hold a deployment&apos;s port in front of its server (started by mlwb itself).</source>
        <translation>Den Port einer Bereitstellung als Vorschaltprozess vor ihrem Server halten (von mlwb selbst gestartet).</translation>
    </message>
    <message>
        <source>Serve something else without dropping a request: starts the new server, moves the traffic to it once it is healthy, then stops the old one. The scoring URI stays; a new server that never gets healthy leaves the old one serving.</source>
        <translation>Etwas anderes bereitstellen, ohne eine Anfrage zu verwerfen: Startet den neuen Server, leitet den Datenverkehr auf ihn um, sobald er Healthy ist, und beendet dann den alten. Der Bewertungs-URI bleibt erhalten; wird ein neuer Server nie Healthy, stellt der alte weiter bereit.</translation>
    </message>
    <message>
        <source>The image to serve now.</source>
        <translation>Das Image, das jetzt bereitgestellt werden soll.</translation>
    </message>
    <message>
        <source>A model version to serve now (repeatable).</source>
        <translation>Eine Modellversion, die jetzt bereitgestellt werden soll (wiederholbar).</translation>
    </message>
    <message>
        <source>How long to wait for the new server (default 180).</source>
        <translation>Wie lange auf den neuen Server gewartet wird (Standard 180).</translation>
    </message>
    <message>
        <source>state</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>traffic</source>
        <translation>Datenverkehr</translation>
    </message>
    <message>
        <source>requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Endpoint %1 listens at %2; give it deployments with mlwb endpoint traffic %1 DEPLOYMENT=100.</source>
        <translation>Endpunkt %1 lauscht unter %2; weisen Sie ihm Bereitstellungen zu mit mlwb endpoint traffic %1 DEPLOYMENT=100.</translation>
    </message>
    <message>
        <source>Say how to split the traffic, for example: mlwb endpoint traffic %1 blue=90 green=10.</source>
        <translation>Geben Sie an, wie der Datenverkehr aufgeteilt werden soll, zum Beispiel: mlwb endpoint traffic %1 blue=90 green=10.</translation>
    </message>
    <message>
        <source>%1 now routes %2.</source>
        <translation>%1 verteilt den Datenverkehr jetzt: %2.</translation>
    </message>
    <message>
        <source>%1 does not use keys: it was created with --auth none.</source>
        <translation>%1 verwendet keine Schlüssel: Der Endpunkt wurde mit --auth none erstellt.</translation>
    </message>
    <message>
        <source>Endpoint %1 did not answer at %2: %3</source>
        <translation>Endpunkt %1 hat unter %2 nicht geantwortet: %3</translation>
    </message>
    <message>
        <source>status %1 from %2, %3 ms</source>
        <translation>Status %1 von %2, %3 ms</translation>
    </message>
    <message>
        <source>the endpoint</source>
        <translation>dem Endpunkt</translation>
    </message>
    <message>
        <source>Deleted endpoint %1.</source>
        <translation>Endpunkt %1 gelöscht.</translation>
    </message>
    <message>
        <source>The endpoint&apos;s name.</source>
        <translation>Der Name des Endpunkts.</translation>
    </message>
    <message>
        <source>Run an endpoint&apos;s proxy (started by mlwb itself).</source>
        <translation>Den Proxy eines Endpunkts ausführen (von mlwb selbst gestartet).</translation>
    </message>
    <message>
        <source>Create an endpoint: one stable scoring URI, served by its own proxy process.</source>
        <translation>Einen Endpunkt erstellen: ein fester Bewertungs-URI, bedient von einem eigenen Proxy-Prozess.</translation>
    </message>
    <message>
        <source>The port on 127.0.0.1 (default: a free one, then kept).</source>
        <translation>Der Port auf 127.0.0.1 (Standard: ein freier, der dann beibehalten wird).</translation>
    </message>
    <message>
        <source>key: callers send Authorization: Bearer KEY (default key).</source>
        <translation>key: Aufrufer senden Authorization: Bearer KEY (Standard key).</translation>
    </message>
    <message>
        <source>Split an endpoint&apos;s traffic between deployments, e.g. blue=90 green=10 (adding up to 100); takes effect without dropping requests.</source>
        <translation>Den Datenverkehr eines Endpunkts auf Bereitstellungen aufteilen, z. B. blue=90 green=10 (in Summe 100); wird wirksam, ohne Anfragen zu verwerfen.</translation>
    </message>
    <message>
        <source>A deployment&apos;s share.</source>
        <translation>Der Anteil einer Bereitstellung.</translation>
    </message>
    <message>
        <source>List the endpoints with their split.</source>
        <translation>Die Endpunkte mit ihrer Aufteilung auflisten.</translation>
    </message>
    <message>
        <source>Show an endpoint: scoring URI, split, state and requests per deployment.</source>
        <translation>Einen Endpunkt anzeigen: Bewertungs-URI, Aufteilung, Zustand und Anfragen je Bereitstellung.</translation>
    </message>
    <message>
        <source>Send a scoring request to an endpoint; prints the response, the deployment that answered, its status and latency.</source>
        <translation>Eine Bewertungsanfrage an einen Endpunkt senden; gibt die Antwort, die antwortende Bereitstellung, ihren Status und die Latenz aus.</translation>
    </message>
    <message>
        <source>Send it to this deployment, whatever the split.</source>
        <translation>Die Anfrage unabhängig von der Aufteilung an diese Bereitstellung senden.</translation>
    </message>
    <message>
        <source>Show an endpoint&apos;s primary and secondary key, or regenerate one.</source>
        <translation>Den primären und sekundären Schlüssel eines Endpunkts anzeigen oder einen neu generieren.</translation>
    </message>
    <message>
        <source>Delete an endpoint and stop its proxy; its deployments stay.</source>
        <translation>Einen Endpunkt löschen und seinen Proxy beenden; seine Bereitstellungen bleiben bestehen.</translation>
    </message>
    <message>
        <source>Endpoints: one stable scoring URI in front of deployments, with a traffic split between them.</source>
        <translation>Endpunkte: ein fester Bewertungs-URI vor Bereitstellungen, mit einer Datenverkehrsaufteilung zwischen ihnen.</translation>
    </message>
    <message>
        <source>--username and --password-stdin go together: the password is read from standard input, never taken on the command line.</source>
        <translation>--username und --password-stdin gehören zusammen: Das Passwort wird von der Standardeingabe gelesen, nie von der Befehlszeile übernommen.</translation>
    </message>
    <message>
        <source>Cannot read the password from standard input.</source>
        <translation>Das Passwort kann nicht von der Standardeingabe gelesen werden.</translation>
    </message>
    <message>
        <source>--password-stdin: standard input held no password.</source>
        <translation>--password-stdin: Die Standardeingabe enthielt kein Passwort.</translation>
    </message>
    <message>
        <source>Log in as USER instead of using the login files; the password comes with --password-stdin.</source>
        <translation>Als USER anmelden, statt die Anmeldedateien zu verwenden; das Passwort wird mit --password-stdin übergeben.</translation>
    </message>
    <message>
        <source>Read the password for --username from standard input.</source>
        <translation>Das Passwort für --username von der Standardeingabe lesen.</translation>
    </message>
    <message>
        <source>%1 did not answer: %2</source>
        <translation>%1 hat nicht geantwortet: %2</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2.</source>
        <translation>%1 hat mit HTTP %2 geantwortet.</translation>
    </message>
    <message>
        <source>--samples takes a whole number above 0.</source>
        <translation>--samples erwartet eine ganze Zahl größer als 0.</translation>
    </message>
    <message>
        <source>--interval takes a number of seconds above 0.</source>
        <translation>--interval erwartet eine Anzahl Sekunden größer als 0.</translation>
    </message>
    <message>
        <source>--as takes csv (or leave it out for --format).</source>
        <translation>--as erwartet csv (oder lassen Sie es für --format weg).</translation>
    </message>
    <message>
        <source>No telemetry from %1: %2</source>
        <translation>Keine Telemetrie von %1: %2</translation>
    </message>
    <message>
        <source>requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <source>errors/s</source>
        <translation>Fehler/s</translation>
    </message>
    <message>
        <source>p50 ms</source>
        <translation>p50 ms</translation>
    </message>
    <message>
        <source>p95 ms</source>
        <translation>p95 ms</translation>
    </message>
    <message>
        <source>p99 ms</source>
        <translation>p99 ms</translation>
    </message>
    <message>
        <source>Poll a deployment&apos;s /metrics and print requests and errors per second and p50/p95/p99 latency, one row a sample (the columns of its page&apos;s telemetry CSV).</source>
        <translation>Das /metrics einer Bereitstellung abfragen und Anfragen und Fehler pro Sekunde sowie die Latenz p50/p95/p99 ausgeben, eine Zeile je Messung (die Spalten des Telemetrie-CSV ihrer Seite).</translation>
    </message>
    <message>
        <source>How many samples (default 1).</source>
        <translation>Wie viele Messungen (Standard 1).</translation>
    </message>
    <message>
        <source>The time each sample covers (default 1).</source>
        <translation>Die Zeit, die jede Messung umfasst (Standard 1).</translation>
    </message>
    <message>
        <source>stored in</source>
        <translation>gespeichert in</translation>
    </message>
</context>
<context>
    <name>mlwb::containerserving</name>
    <message>
        <source>The deployment names no container engine.</source>
        <translation>Die Bereitstellung nennt keine Container-Engine.</translation>
    </message>
</context>
<context>
    <name>mlwb::keychain</name>
    <message>
        <source>The desktop keychain refused: %1</source>
        <translation>Der Schlüsselbund der Arbeitsumgebung hat abgelehnt: %1</translation>
    </message>
    <message>
        <source>there is no D-Bus session bus (%1)</source>
        <translation>es gibt keinen D-Bus-Sitzungsbus (%1)</translation>
    </message>
    <message>
        <source>no Secret Service (such as GNOME Keyring) is running</source>
        <translation>kein Secret Service (etwa GNOME Keyring) läuft</translation>
    </message>
</context>
<context>
    <name>mlwb::oci</name>
    <message>
        <source>The build was canceled.</source>
        <translation>Der Build wurde abgebrochen.</translation>
    </message>
    <message>
        <source>File %1 in %2</source>
        <translation>Datei %1 in %2</translation>
    </message>
    <message>
        <source>Blob %1 in %2</source>
        <translation>Blob %1 in %2</translation>
    </message>
    <message>
        <source>%1 is truncated or unreadable: %2</source>
        <translation>%1 ist abgeschnitten oder nicht lesbar: %2</translation>
    </message>
    <message>
        <source>File %1 in %2 is truncated or unreadable: %3</source>
        <translation>Datei %1 in %2 ist abgeschnitten oder nicht lesbar: %3</translation>
    </message>
    <message>
        <source>the archive ends early</source>
        <translation>das Archiv endet vorzeitig</translation>
    </message>
    <message>
        <source>There is no archive at %1.</source>
        <translation>Unter %1 gibt es kein Archiv.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is truncated or not an image archive: %2</source>
        <translation>%1 ist abgeschnitten oder kein Image-Archiv: %2</translation>
    </message>
    <message>
        <source>%1 is missing: %2</source>
        <translation>%1 fehlt: %2</translation>
    </message>
    <message>
        <source>Blob %1 in the image store is damaged: its content does not match its digest.</source>
        <translation>Blob %1 im Image-Speicher ist beschädigt: Sein Inhalt stimmt nicht mit seinem Digest überein.</translation>
    </message>
    <message>
        <source>Cannot read layer %1: %2</source>
        <translation>Schicht %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Layer %1 is damaged: %2</source>
        <translation>Schicht %1 ist beschädigt: %2</translation>
    </message>
    <message>
        <source>%1 is damaged: its content does not match its sha256 %2.</source>
        <translation>%1 ist beschädigt: Sein Inhalt stimmt nicht mit seinem sha256 %2 überein.</translation>
    </message>
    <message>
        <source>%1 is not valid JSON: %2</source>
        <translation>%1 ist kein gültiges JSON: %2</translation>
    </message>
    <message>
        <source>Blob %1 is missing from the base image.</source>
        <translation>Blob %1 fehlt im Basis-Image.</translation>
    </message>
    <message>
        <source>%1 holds no image.</source>
        <translation>%1 enthält kein Image.</translation>
    </message>
    <message>
        <source>%1 holds %2 images (%3); export the one to build on by itself.</source>
        <translation>%1 enthält %2 Images (%3); exportieren Sie das Image, auf dem gebaut werden soll, einzeln.</translation>
    </message>
    <message>
        <source>%1 holds a multi-platform index; save a single platform&apos;s image (podman save --format oci-archive IMAGE).</source>
        <translation>%1 enthält einen Multi-Plattform-Index; speichern Sie das Image einer einzelnen Plattform (podman save --format oci-archive IMAGE).</translation>
    </message>
    <message>
        <source>The manifest of %1</source>
        <translation>Das Manifest von %1</translation>
    </message>
    <message>
        <source>The config of %1</source>
        <translation>Die Konfiguration von %1</translation>
    </message>
    <message>
        <source>%1 holds %2 images; save the one to build on by itself.</source>
        <translation>%1 enthält %2 Images; speichern Sie das Image, auf dem gebaut werden soll, einzeln.</translation>
    </message>
    <message>
        <source>The config %1 named by manifest.json is missing from %2.</source>
        <translation>Die in manifest.json genannte Konfiguration %1 fehlt in %2.</translation>
    </message>
    <message>
        <source>The config %1 in %2 does not match its digest.</source>
        <translation>Die Konfiguration %1 in %2 stimmt nicht mit ihrem Digest überein.</translation>
    </message>
    <message>
        <source>%1 lists %2 layers but its config has %3.</source>
        <translation>%1 listet %2 Schichten auf, aber seine Konfiguration hat %3.</translation>
    </message>
    <message>
        <source>Layer %1 named by manifest.json is missing from %2.</source>
        <translation>Die in manifest.json genannte Schicht %1 fehlt in %2.</translation>
    </message>
    <message>
        <source>Layer %1 in %2 does not match its digest: expected %3, got %4.</source>
        <translation>Schicht %1 in %2 stimmt nicht mit ihrem Digest überein: erwartet %3, erhalten %4.</translation>
    </message>
    <message>
        <source>Layer %1 is not a readable tar: %2</source>
        <translation>Schicht %1 ist kein lesbares tar: %2</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>%1 kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Cannot copy layer %1 into %2.</source>
        <translation>Schicht %1 kann nicht nach %2 kopiert werden.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number of CPU cores: use, for example, 2 or 0.5.</source>
        <translation>„%1“ ist keine Anzahl von CPU-Kernen: Verwenden Sie zum Beispiel 2 oder 0.5.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a memory size: use, for example, 512M, 1.5G or 2Gi.</source>
        <translation>„%1“ ist keine Speichergröße: Verwenden Sie zum Beispiel 512M, 1.5G oder 2Gi.</translation>
    </message>
    <message>
        <source>%1 is more memory than any machine has.</source>
        <translation>%1 ist mehr Arbeitsspeicher, als irgendein Rechner hat.</translation>
    </message>
    <message>
        <source>%1 is too little memory for a container: podman and docker need at least 6M.</source>
        <translation>%1 ist zu wenig Arbeitsspeicher für einen Container: podman und docker benötigen mindestens 6M.</translation>
    </message>
    <message>
        <source>Cannot read the wheel %1: %2</source>
        <translation>Das Wheel %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The wheel %1 holds a file outside its folder: %2</source>
        <translation>Das Wheel %1 enthält eine Datei außerhalb seines Ordners: %2</translation>
    </message>
    <message>
        <source>Cannot unpack %1 to %2: %3</source>
        <translation>%1 kann nicht nach %2 entpackt werden: %3</translation>
    </message>
    <message>
        <source>The wheel %1 is damaged at %2: %3</source>
        <translation>Das Wheel %1 ist bei %2 beschädigt: %3</translation>
    </message>
    <message>
        <source>The wheel %1 is not a readable zip: %2</source>
        <translation>Das Wheel %1 ist kein lesbares ZIP: %2</translation>
    </message>
    <message>
        <source>The wheel %1 has no NAME-VERSION.dist-info/METADATA; it is not a wheel pip would install.</source>
        <translation>Das Wheel %1 hat keine NAME-VERSION.dist-info/METADATA; es ist kein Wheel, das pip installieren würde.</translation>
    </message>
    <message>
        <source>%1 is not a wheel (.whl).</source>
        <translation>%1 ist kein Wheel (.whl).</translation>
    </message>
    <message>
        <source>%1 is not a wheel file name (NAME-VERSION-PYTHON-ABI-PLATFORM.whl).</source>
        <translation>%1 ist kein Wheel-Dateiname (NAME-VERSION-PYTHON-ABI-PLATFORM.whl).</translation>
    </message>
    <message>
        <source>The wheel folder %1 does not exist.</source>
        <translation>Der Wheel-Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>The wheel folder %1 holds no wheels (*.whl).</source>
        <translation>Der Wheel-Ordner %1 enthält keine Wheels (*.whl).</translation>
    </message>
    <message>
        <source>The wheel %1 is tagged %2, which does not install into the base&apos;s Python %3 on %4; use a wheel built for cp3%5 (or py3-none-any).</source>
        <translation>Das Wheel %1 ist als %2 gekennzeichnet und lässt sich nicht in das Python %3 der Basis auf %4 installieren; verwenden Sie ein für cp3%5 gebautes Wheel (oder py3-none-any).</translation>
    </message>
</context>
<context>
    <name>mlwb::oci::BaseImageReader</name>
    <message>
        <source>&apos;%1&apos; is not a base image this build can read: use oci-archive:PATH, docker-archive:PATH or oci:DIR.</source>
        <translation>„%1“ ist kein Basis-Image, das dieser Build lesen kann: Verwenden Sie oci-archive:PATH, docker-archive:PATH oder oci:DIR.</translation>
    </message>
    <message>
        <source>%1 is not an OCI layout: %2</source>
        <translation>%1 ist kein OCI-Layout: %2</translation>
    </message>
    <message>
        <source>Blob %1 is missing from %2 (the archive may be truncated).</source>
        <translation>Blob %1 fehlt in %2 (das Archiv ist möglicherweise abgeschnitten).</translation>
    </message>
    <message>
        <source>Blob %1 in %2 has %3 bytes where its descriptor says %4.</source>
        <translation>Blob %1 in %2 hat %3 Bytes, laut seinem Deskriptor aber %4.</translation>
    </message>
    <message>
        <source>index.json in %1</source>
        <translation>index.json in %1</translation>
    </message>
    <message>
        <source>%1 is neither an OCI archive nor a docker-archive: it has no index.json or manifest.json.</source>
        <translation>%1 ist weder ein OCI-Archiv noch ein docker-archive: Es hat weder index.json noch manifest.json.</translation>
    </message>
</context>
<context>
    <name>mlwb::oci::ImageExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>mlwb::oci::ImageStore</name>
    <message>
        <source>Blob %1 is missing from the image store %2.</source>
        <translation>Blob %1 fehlt im Image-Speicher %2.</translation>
    </message>
    <message>
        <source>Blob %1 has %2 bytes where %3 were expected.</source>
        <translation>Blob %1 hat %2 Bytes, erwartet wurden %3.</translation>
    </message>
    <message>
        <source>Blob %1 in the image store is damaged: its content does not match its digest.</source>
        <translation>Blob %1 im Image-Speicher ist beschädigt: Sein Inhalt stimmt nicht mit seinem Digest überein.</translation>
    </message>
    <message>
        <source>Cannot create the image store in %1.</source>
        <translation>Der Image-Speicher kann in %1 nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not an OCI index: %2</source>
        <translation>%1 ist kein OCI-Index: %2</translation>
    </message>
    <message>
        <source>Image %1 is not in the image store %2.</source>
        <translation>Image %1 ist nicht im Image-Speicher %2.</translation>
    </message>
    <message>
        <source>The manifest %1 was not staged.</source>
        <translation>Das Manifest %1 wurde nicht bereitgelegt.</translation>
    </message>
    <message>
        <source>Cannot move blob %1 into the image store %2.</source>
        <translation>Blob %1 kann nicht in den Image-Speicher %2 verschoben werden.</translation>
    </message>
    <message>
        <source>Cannot remove unused blob sha256:%1 from %2.</source>
        <translation>Der nicht verwendete Blob sha256:%1 kann nicht aus %2 entfernt werden.</translation>
    </message>
</context>
<context>
    <name>mlwb::oci::LayerWriter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Writing the %1 layer failed: %2</source>
        <translation>Das Schreiben der Schicht %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Cannot store the %1 layer: %2</source>
        <translation>Die Schicht %1 kann nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>mlwb::oci::RegistryClient</name>
    <message>
        <source>the connection was dropped (%1)</source>
        <translation>die Verbindung wurde abgebrochen (%1)</translation>
    </message>
    <message>
        <source>the data could not be written</source>
        <translation>die Daten konnten nicht geschrieben werden</translation>
    </message>
    <message>
        <source>no credentials for %1 were found in %2; log in with `podman login %1`</source>
        <translation>in %2 wurden keine Anmeldedaten für %1 gefunden; melden Sie sich mit `podman login %1` an</translation>
    </message>
    <message>
        <source>the credentials for %1 from %2 were refused</source>
        <translation>die Anmeldedaten für %1 aus %2 wurden abgelehnt</translation>
    </message>
    <message>
        <source>the registry asks for an authentication scheme this client does not speak (%1)</source>
        <translation>die Registry verlangt ein Authentifizierungsschema, das dieser Client nicht unterstützt (%1)</translation>
    </message>
    <message>
        <source>the token service %1 cannot be reached: %2</source>
        <translation>der Token-Dienst %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>the token service answered %1: %2</source>
        <translation>der Token-Dienst hat mit %1 geantwortet: %2</translation>
    </message>
    <message>
        <source>the token service %1 sent no token</source>
        <translation>der Token-Dienst %1 hat kein Token gesendet</translation>
    </message>
    <message>
        <source>the connection was dropped</source>
        <translation>die Verbindung wurde abgebrochen</translation>
    </message>
    <message>
        <source>Cannot reach the registry %1 while %2: %3</source>
        <translation>Die Registry %1 ist beim %2 nicht erreichbar: %3</translation>
    </message>
    <message>
        <source>The registry %1 failed while %2: %3</source>
        <translation>Die Registry %1 ist beim %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>The registry %1 refused access while %2: %3</source>
        <translation>Die Registry %1 hat beim %2 den Zugriff abgelehnt: %3</translation>
    </message>
    <message>
        <source>The registry %1 denied access while %2 (%3): %4</source>
        <translation>Die Registry %1 hat beim %2 den Zugriff verweigert (%3): %4</translation>
    </message>
    <message>
        <source>Not found on %1 while %2: the repository %3 or the tag %4 does not exist (%5).</source>
        <translation>Beim %2 auf %1 nicht gefunden: Das Repository %3 oder der Tag %4 existiert nicht (%5).</translation>
    </message>
    <message>
        <source>The registry %1 answered HTTP %2 while %3: %4</source>
        <translation>Die Registry %1 hat beim %3 mit HTTP %2 geantwortet: %4</translation>
    </message>
    <message>
        <source>no error message</source>
        <translation>keine Fehlermeldung</translation>
    </message>
    <message>
        <source>checking it speaks the registry API v2</source>
        <translation>Prüfen, ob sie die Registry-API v2 unterstützt</translation>
    </message>
    <message>
        <source>checking for blob %1</source>
        <translation>Prüfen auf Blob %1</translation>
    </message>
    <message>
        <source>mounting blob %1 from %2</source>
        <translation>Einbinden von Blob %1 aus %2</translation>
    </message>
    <message>
        <source>Cannot read blob %1: %2</source>
        <translation>Blob %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>starting the upload of blob %1</source>
        <translation>Starten des Uploads von Blob %1</translation>
    </message>
    <message>
        <source>sending blob %1</source>
        <translation>Senden von Blob %1</translation>
    </message>
    <message>
        <source> (tried %1 times)</source>
        <translation> (%1 Versuche)</translation>
    </message>
    <message>
        <source>sending the manifest</source>
        <translation>Senden des Manifests</translation>
    </message>
    <message>
        <source>fetching the manifest %1</source>
        <translation>Abrufen des Manifests %1</translation>
    </message>
    <message>
        <source>The manifest %1 from %2 does not match its digest (got %3).</source>
        <translation>Das Manifest %1 von %2 stimmt nicht mit seinem Digest überein (erhalten: %3).</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>the connection was dropped after %1 of %2 bytes</source>
        <translation>die Verbindung wurde nach %1 von %2 Bytes abgebrochen</translation>
    </message>
    <message>
        <source>Blob %1 from %2 is corrupt: %3 bytes with digest %4 (expected %5 bytes).</source>
        <translation>Blob %1 von %2 ist beschädigt: %3 Bytes mit Digest %4 (erwartet: %5 Bytes).</translation>
    </message>
    <message>
        <source>downloading blob %1</source>
        <translation>Herunterladen von Blob %1</translation>
    </message>
</context>
<context>
    <name>mlwb::oci::RegistryReference</name>
    <message>
        <source>&apos;%1&apos; is not a registry image reference (REGISTRY/REPO:TAG): %2</source>
        <translation>„%1“ ist keine Image-Referenz einer Registry (REGISTRY/REPO:TAG): %2</translation>
    </message>
    <message>
        <source>it must start with a registry host, e.g. 127.0.0.1:5000/team/iris:1</source>
        <translation>sie muss mit einem Registry-Host beginnen, z. B. 127.0.0.1:5000/team/iris:1</translation>
    </message>
    <message>
        <source>the digest must be sha256: followed by 64 hex digits</source>
        <translation>der Digest muss aus sha256: gefolgt von 64 Hexadezimalziffern bestehen</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid tag</source>
        <translation>„%1“ ist kein gültiger Tag</translation>
    </message>
    <message>
        <source>the repository &apos;%1&apos; must be lower case letters, digits and separators</source>
        <translation>das Repository „%1“ darf nur aus Kleinbuchstaben, Ziffern und Trennzeichen bestehen</translation>
    </message>
</context>
<context>
    <name>mlwb::remoteserving</name>
    <message>
        <source>%1 (exit code %2): %3</source>
        <translation>%1 (Exit-Code %2): %3</translation>
    </message>
    <message>
        <source>Cannot pack the deployment&apos;s files: %1</source>
        <translation>Die Dateien der Bereitstellung können nicht gepackt werden: %1</translation>
    </message>
    <message>
        <source>Cannot copy the deployment&apos;s files to the VM</source>
        <translation>Die Dateien der Bereitstellung können nicht auf die VM kopiert werden</translation>
    </message>
    <message>
        <source>ssh -O %1 -L %2 failed: %3</source>
        <translation>ssh -O %1 -L %2 ist fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>the VM</source>
        <translation>die VM</translation>
    </message>
    <message>
        <source>Cannot ask the VM about the scoring server</source>
        <translation>Die VM kann nicht nach dem Bewertungsserver gefragt werden</translation>
    </message>
    <message>
        <source>Cannot start the scoring server on the VM</source>
        <translation>Der Bewertungsserver kann auf der VM nicht gestartet werden</translation>
    </message>
    <message>
        <source>The VM named no port for the scoring server: %1</source>
        <translation>Die VM nannte keinen Port für den Bewertungsserver: %1</translation>
    </message>
    <message>
        <source>Cannot read the deployment&apos;s keys: %1</source>
        <translation>Die Schlüssel der Bereitstellung können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot send the keys to the VM</source>
        <translation>Die Schlüssel können nicht an die VM gesendet werden</translation>
    </message>
    <message>
        <source>Cannot remove the deployment&apos;s folder on the VM</source>
        <translation>Der Ordner der Bereitstellung auf der VM kann nicht entfernt werden</translation>
    </message>
</context>
<context>
    <name>mlwb::servingconfig</name>
    <message>
        <source>The deployment&apos;s Python interpreter %1 is not there (or cannot be run).</source>
        <translation>Der Python-Interpreter %1 der Bereitstellung ist nicht vorhanden (oder kann nicht ausgeführt werden).</translation>
    </message>
</context>
<context>
    <name>oci</name>
    <message>
        <source>%1 (not a requirement this check can read)</source>
        <translation>%1 (keine Anforderung, die diese Prüfung lesen kann)</translation>
    </message>
    <message>
        <source>%1 (not in the base)</source>
        <translation>%1 (nicht in der Basis)</translation>
    </message>
    <message>
        <source>%1 (the base has %2)</source>
        <translation>%1 (die Basis hat %2)</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>%1 kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 is truncated or damaged: %2 bytes where its descriptor says %3.</source>
        <translation>%1 ist abgeschnitten oder beschädigt: %2 Bytes, laut seinem Deskriptor aber %3.</translation>
    </message>
    <message>
        <source>%1 does not match its digest: expected %2, got %3.</source>
        <translation>%1 stimmt nicht mit seinem Digest überein: erwartet %2, erhalten %3.</translation>
    </message>
    <message>
        <source>Cannot store %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Compressing a layer failed (zlib).</source>
        <translation>Das Komprimieren einer Schicht ist fehlgeschlagen (zlib).</translation>
    </message>
    <message>
        <source>Cannot write a layer: %1</source>
        <translation>Eine Schicht kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a sha256 digest.</source>
        <translation>„%1“ ist kein sha256-Digest.</translation>
    </message>
    <message>
        <source>The descriptor of %1 has no size.</source>
        <translation>Der Deskriptor von %1 hat keine Größe.</translation>
    </message>
</context>
</TS>
