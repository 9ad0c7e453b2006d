// Node, as CommonJS.
const { validatePartner } = require("xmpp-federation");

const answer = validatePartner({ domain: "litwareinc.com", tlsNegotiation: "NotSupported" });
if (answer.type === "failure") throw new Error(answer.errors[0].message);
const { partner } = answer;
const codes = partner.diagnostics.filter((d) => d.severity === "error").map((d) => d.code);
console.log(`${partner.domain} ${partner.matrixRow} commit: ${partner.commitAllowed ? "yes" : "no"} ${codes.join(" ")}`);
