// Node, as an ES module.
import { validatePartner } from "xmpp-federation";

const answer = validatePartner({
  domain: "gmail.com",
  tlsNegotiation: "NotSupported",
  saslNegotiation: "NotSupported",
  enableKeepAlive: false,
});
if (answer.type === "failure") throw new Error(answer.errors[0].message);
const { partner } = answer;
const only = partner.expectedMethods.length === 1 ? " only" : "";
console.log(`${partner.domain} ${partner.matrixRow} TCP Dialback${only}`);
