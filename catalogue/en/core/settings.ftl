## The cmdlet values of a partner's settings, as the Control Panel labels them, and what each
## partner type means for contacts.

negotiation-required = Required
negotiation-optional = Optional
negotiation-not-supported = Not Supported

partner-type-federated = Federated
    .meaning = Trusted: partner contacts can add Lync users, see their presence and status notes, and message them without being authorised first.
partner-type-public-verified = Public verified
    .meaning = The provider verifies its users: partner contacts can add and message Lync users without authorisation, but never see status notes.
partner-type-public-unverified = Public unverified
    .meaning = No verifiable trust: a partner contact can reach a Lync user only after that user has invited them.
