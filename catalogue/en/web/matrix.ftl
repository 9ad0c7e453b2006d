## "Matrix": the table of the 18 combinations.

matrix-verdict-refused = the matrix lists it, but the Control Panel refuses to commit it
common-explained = C1 to C4 mark the documentation's four common configurations.
matrix-title = Negotiation matrix
matrix-intro = All 18 combinations of TLS, SASL and dialback, and the authentication methods each can end with, as the simulator finds them. The current settings' row is marked; choose a row to load its settings into the editor.
column-verdict = Verdict
column-note = Note
load-row = Load these settings into the editor
