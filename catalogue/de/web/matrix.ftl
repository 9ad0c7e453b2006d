## „Matrix“: die Tabelle der 18 Kombinationen.

matrix-verdict-refused = die Matrix führt sie, aber die Systemsteuerung übernimmt sie nicht
common-explained = C1 bis C4 markieren die vier üblichen Konfigurationen der Dokumentation.
matrix-title = Aushandlungsmatrix
matrix-intro = Alle 18 Kombinationen aus TLS, SASL und Rückruf und die Authentifizierungsmethoden, mit denen jede enden kann, wie der Simulator sie findet. Die Zeile der aktuellen Einstellungen ist markiert; wählen Sie eine Zeile, um ihre Einstellungen in den Editor zu laden.
column-verdict = Bewertung
column-note = Anmerkung
load-row = Diese Einstellungen in den Editor laden
