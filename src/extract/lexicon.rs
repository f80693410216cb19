//! Word lists the quote and speaker extractors use. Kept together so the
//! choices are visible and easy to extend; all entries are lower case.

/// Reporting verbs (speech, writing, thought and evidence) in every
/// inflection. A cue is one of these, optionally preceded by auxiliaries.
pub const CUE_VERBS: &[&str] = &[
    // say, tell, add
    "say", "says", "said", "saying", "tell", "tells", "told", "telling", "add", "adds", "added",
    "adding",
    // statements
    "stated", "stating", "declare", "declares", "declared", "declaring",
    "announce", "announces", "announced", "announcing", "notes", "noted", "noting",
    "explain", "explains", "explained", "explaining", "write", "writes", "wrote", 
    "tweeted", "tweeting", "posted", "reports",
    "reported", "reporting", "commented", "remarked", "quipped",
    "replied", "respond", "responds", "responded", "answered",
    "ask", "asks", "asked", "asking", "recall", "recalls", "recalled", "recalling", 
    "continued", "repeated", "reiterate", "reiterated", "testify", "testified",
    "conclude", "concluded",
    // argument and claim
    "argue", "argues", "argued", "arguing", "claimed", "claiming", "insist",
    "insists", "insisted", "insisting", "contend", "contends", "contended", "assert",
    "asserts", "asserted", "maintain", "maintains", "maintained", "suggest", "suggests",
    "suggested", "suggesting", "allege", "alleges", "alleged", "countered",
    "acknowledge", "acknowledges", "acknowledged", "acknowledging", "admit", "admits",
    "admitted", "concede", "concedes", "conceded", "confirm", "confirms", "confirmed", "deny",
    "denies", "denied", "denying", "emphasize", "emphasized", "emphasise", "emphasised",
    "stressed", "observed", "predict", "predicts", "predicted",
    "estimated", "warn", "warns", "warned", "caution",
    "cautioned", "complain", "complains", "complained", "explained", "describe", "describes",
    "described", "called", "calling", "accuse", "accuses", "accused",
    "accusing", "charged", "criticize", "criticized", "criticise", "criticised",
    "urge", "urges", "urged", "urging", "vow", "vows", "vowed", "pledge", "pledges", "pledged",
    "promised", "promising", "threatened", 
    "demanded", "propose", "proposed", "agree", "agrees", "agreed", "disagree", "disagreed",
    "echoed", "cited", "citing", "expressed",
    // thought and evidence
    "believe", "believes", "believed", "think", "thinks", "thought", "hoped",
    "feared", "worried", "expect", "expects", "expected",
    "knows", "knew", "learned", "learnt", "shows", "showed", "shown",
    "finds", "found", "indicate", "indicates", "indicated", "reveal", "reveals",
    "revealed", "conclude",
    // more speech acts
    "joked", "jokes", "boasted", "bragged", "lamented", "mused", "conceded", "predicted",
    "pointed", "signaled", "signalled", "hinted", "implied", "questioned", "wondered",
    "speculated", "surmised", "reasoned", "added", "objected", "protested", "cautions",
    "acknowledges", "stressing", "arguing", "noting", "insisting", "adding", "warning",
    "suggesting", "claiming", "explaining", "announcing", "declaring", "predicting",
    "contending", "asserting", "maintaining", "recalling", "responding", "replying",
    ];

/// Verbs whose object comes before the content: "told reporters that …".
pub const OBJECT_VERBS: &[&str] = &[
    "tell", "tells", "told", "telling", "ask", "asks", "asked", "asking", "warn", "warns",
    "warned", "remind", "reminded", "assure", "assured", "accuse", "accuses", "accused",
    "accusing", "urge", "urged", "urges", "inform", "informed", "promise", "promised",
];

/// Words that end a time expression, never a source: "this week said".
pub const TIME_WORDS: &[&str] = &[
    "week", "weeks", "month", "months", "year", "years", "day", "days", "night", "morning",
    "afternoon", "evening", "weekend", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "today", "yesterday", "tonight", "time", "hour", "hours",
    "minutes", "moment", "conference", "interview", "statement", "meeting", "hearing",
];

/// Verbs that are cues only when a content clause follows ("found that",
/// "shows that"): alone they are too often plain verbs ("found a job").
pub const NEEDS_THAT: &[&str] = &[
    "know", "knows", "knew", "learn", "learned", "learnt", "show", "shows", "showed", "shown",
    "find", "finds", "found", "indicate", "indicates", "indicated", "reveal", "reveals",
    "revealed", "believe", "believes", "believed", "think", "thinks", "thought", "hope",
    "hopes", "hoped", "fear", "fears", "feared", "worry", "worries", "worried", "expect",
    "expects", "expected", "agree", "agrees", "agreed", "promise", "promises", "promised",
    "promising", "call", "calls", "called", "calling", "express", "expressed", "continue",
    "continued", "echo", "echoed", "cite", "cites", "cited", "citing", "post", "posted",
    "describe", "describes", "described", "charge", "charged", "threaten", "threatened",
    "demand", "demanded", "propose", "proposed", "disagree", "disagreed", "observe",
    "observed", "conclude", "concluded", "concludes", "comment", "commented",
];

/// Words that may stand between a source and its verb: "has also said".
pub const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "will", "would", "could", "may", "might", "also", "later",
    "earlier", "previously", "repeatedly", "then", "often", "once", "again", "reportedly",
    "recently", "already", "publicly", "privately", "frequently", "has also", "did", "does",
    "do", "further", "similarly", "simply", "flatly", "just", "now", "still", "too",
];

/// Words after a verb that belong to the cue, not the content.
pub const CUE_PARTICLES: &[&str] = &["out", "up", "on", "for"];

pub const PRONOUNS_PERSON_MALE: &[&str] = &["he"];
pub const PRONOUNS_PERSON_FEMALE: &[&str] = &["she"];
pub const PRONOUNS_OTHER: &[&str] = &["they", "it", "we", "i", "you", "who", "which"];

/// Determiners and quantifiers that may open a source noun phrase.
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that",
    "these", "those", "another", "one", "two", "three", "several", "some", "many", "most",
    "other", "others", "few", "both", "all", "each", "any", "no", "such", "more",
];

/// Nouns that head a source noun phrase: people, groups, documents.
/// Sources headed by one of these with no name are "vague" (no speaker).
pub const SOURCE_NOUNS: &[&str] = &[
    "official", "officials", "spokesman", "spokeswoman", "spokesperson", "spokespeople",
    "minister", "ministers", "secretary", "president", "aide", "aides", "adviser", "advisers",
    "advisor", "advisors", "analyst", "analysts", "expert", "experts", "source", "sources",
    "diplomat", "diplomats", "lawmaker", "lawmakers", "senator", "senators", "representative",
    "representatives", "governor", "mayor", "chief", "director", "leader", "leaders", "critic",
    "critics", "supporter", "supporters", "opponent", "opponents", "economist", "economists",
    "police", "authorities", "resident", "residents", "witness", "witnesses", "people",
    "voter", "voters", "campaign", "statement", "report", "reports", "poll", "polls", "survey",
    "surveys", "study", "studies", "research", "researchers", "researcher", "scientist",
    "scientists", "doctor", "doctors", "lawyer", "lawyers", "attorney", "attorneys", "judge",
    "court", "prosecutor", "prosecutors", "investigators", "investigator", "observer",
    "observers", "member", "members", "chairman", "chairwoman", "chair", "executive",
    "executives", "manager", "managers", "coach", "player", "players", "candidate",
    "candidates", "nominee", "man", "woman", "men", "women", "person", "group", "groups",
    "organisers", "organizers", "activist", "activists", "protesters", "republicans",
    "democrats", "conservatives", "liberals", "commentators", "pundits", "strategists",
    "strategist", "insiders", "insider", "staff", "staffers", "staffer", "employees",
    "workers", "union", "company", "firm", "government", "administration", "ministry",
    "department", "agency", "committee", "council", "commission", "party", "team", "office",
    "envoy", "ambassador", "negotiator", "negotiators", "mediator", "general", "commander",
    "commanders", "officer", "officers", "soldiers", "militants", "rebels", "farmer",
    "farmers", "owner", "owners", "founder", "author", "authors", "editor", "editors",
    "professor", "teacher", "student", "students", "parents", "families", "fans", "paper",
    "newspaper", "website", "letter", "document", "documents", "memo", "data", "figures",
    "filing", "lawsuit", "complaint", "release", "article", "book", "speech", "ad", "video",
    "post", "tweet", "interview", "host", "anchor", "reporter", "reporters", "journalist",
    "journalists", "correspondent", "columnist", "writer", "pollster", "pollsters",
    "operative", "operatives", "donor", "donors", "delegate", "delegates", "speaker",
    "counsel", "inspector", "inspectors", "regulator", "regulators", "banker", "bankers",
    "investor", "investors", "trader", "traders", "dealer", "dealers", "planner", "planners",
    "engineer", "engineers", "official's", "vendor", "vendors", "seller", "sellers",
    "mother", "father", "wife", "husband", "son", "daughter", "brother", "sister", "friend",
    "friends", "neighbour", "neighbor", "neighbours", "neighbors", "colleague", "colleagues",
    "physician", "nurse", "nurses", "hydrologist", "collector", "fisherman", "fishermen",
    "captain", "manager's", "deputy", "head", "boss", "ceo", "president-elect", "nominees",
    "governors", "mayors", "presidents", "secretaries", "chiefs", "directors", "judges",
];

/// Role words that end a title before a name: "Foreign Minister Jean-Marc
/// Ayrault", "Government spokesman Stephane Le Foll", "Sen. Ted Cruz".
pub const ROLE_HEADS: &[&str] = &[
    "minister", "secretary", "president", "vice-president", "spokesman", "spokeswoman",
    "spokesperson", "chancellor", "senator", "sen.", "rep.", "representative", "gov.",
    "governor", "mayor", "judge", "justice", "general", "gen.", "lt.", "col.", "colonel",
    "admiral", "adm.", "commander", "ambassador", "envoy", "chairman", "chairwoman", "chair",
    "director", "chief", "executive", "officer", "ceo", "cfo", "founder", "leader",
    "speaker", "king", "queen", "prince", "princess", "pope", "rev.", "reverend", "father",
    "sister", "dr.", "dr", "prof.", "professor", "mr.", "mrs.", "ms.", "mr", "mrs", "ms",
    "sir", "dame", "lord", "lady", "coach", "manager", "captain", "analyst", "economist",
    "strategist", "adviser", "advisor", "aide", "attorney", "counsel", "prosecutor",
    "candidate", "nominee", "deputy", "premier", "governor-general", "inspector",
    "commissioner", "administrator", "head", "editor", "correspondent", "collector",
    "hydrologist", "engineer", "prime", "supreme", "emir", "sheikh", "president-elect",
    "mp", "mep", "lawmaker", "activist", "official", "researcher", "scientist",
    "director-general", "secretary-general", "sen", "rep", "gov", "gen", "lt", "col",
];

/// Honorifics dropped from a name: "Mr. Obama" is "Obama".
pub const HONORIFICS: &[&str] = &[
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "sir", "dame",
    "rev", "rev.", "the",
];

/// Words that make a capitalised source an organisation.
pub const ORGANISATION_WORDS: &[&str] = &[
    "ministry", "department", "pentagon", "kremlin", "white", "house", "council", "committee",
    "party", "agency", "organization", "organisation", "commission", "bank", "reuters",
    "post", "times", "news", "inc", "inc.", "corp", "corp.", "co.", "company", "association",
    "union", "court", "congress", "senate", "parliament", "government", "administration",
    "office", "institute", "university", "foundation", "group", "board", "fund", "service",
    "police", "army", "navy", "force", "forces", "nations", "unesco", "nato", "imf", "who",
    "fbi", "cia", "epa", "fda", "cdc", "un", "u.n.", "eu", "e.u.", "opec", "journal",
    "network", "press", "tribune", "herald", "guardian", "telegraph", "observer", "cnn",
    "bbc", "abc", "cbs", "nbc", "fox", "msnbc", "politifact", "campaign", "center", "centre",
    "authority", "federation", "league", "club", "airlines", "motors", "group's", "trust",
    "alliance", "coalition", "cabinet", "secretariat", "state", "states", "republic",
    "kingdom", "embassy", "consulate", "mission", "tribunal", "chamber", "exchange",
    "reserve", "treasury", "ap", "afp", "bloomberg", "twitter", "facebook", "google",
    "apple", "microsoft", "amazon", "poll", "survey", "study", "report", "gallup",
];

/// Countries and country-like names that speak for their governments
/// ("Russia has said"). Lower case.
pub const COUNTRIES: &[&str] = &[
    "afghanistan", "albania", "algeria", "angola", "argentina", "armenia", "australia",
    "austria", "azerbaijan", "bahrain", "bangladesh", "belarus", "belgium", "bolivia",
    "bosnia", "brazil", "britain", "bulgaria", "burma", "cambodia", "cameroon", "canada",
    "chad", "chile", "china", "colombia", "congo", "croatia", "cuba", "cyprus",
    "czech republic", "denmark", "ecuador", "egypt", "eritrea", "estonia", "ethiopia",
    "finland", "france", "georgia", "germany", "ghana", "greece", "guatemala", "haiti",
    "honduras", "hungary", "iceland", "india", "indonesia", "iran", "iraq", "ireland",
    "israel", "italy", "jamaica", "japan", "jordan", "kazakhstan", "kenya", "kosovo",
    "kuwait", "laos", "latvia", "lebanon", "libya", "lithuania", "luxembourg", "macedonia",
    "malaysia", "mali", "malta", "mexico", "moldova", "mongolia", "montenegro", "morocco",
    "mozambique", "myanmar", "nepal", "netherlands", "new zealand", "nicaragua", "niger",
    "nigeria", "north korea", "norway", "oman", "pakistan", "palestine", "panama",
    "paraguay", "peru", "philippines", "poland", "portugal", "qatar", "romania", "russia",
    "rwanda", "saudi arabia", "senegal", "serbia", "singapore", "slovakia", "slovenia",
    "somalia", "south africa", "south korea", "south sudan", "spain", "sri lanka", "sudan",
    "sweden", "switzerland", "syria", "taiwan", "tajikistan", "tanzania", "thailand",
    "tunisia", "turkey", "turkmenistan", "uganda", "ukraine", "united arab emirates",
    "united kingdom", "united states", "uruguay", "uzbekistan", "venezuela", "vietnam",
    "yemen", "zambia", "zimbabwe", "washington", "moscow", "beijing", "tehran", "london",
    "paris", "brussels", "the u.s.", "u.s.", "the united states", "the uk", "the u.k.",
    "the united kingdom", "the united nations", "the european union", "the eu", "ankara",
    "damascus", "kyiv", "kiev", "pyongyang", "seoul", "tokyo", "berlin", "rome", "madrid",
    "ottawa", "canberra", "delhi", "new delhi", "islamabad", "cairo", "riyadh",
];

/// Capitalised words that start sentences but are not names.
pub const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "but", "and", "or", "so", "yet", "if", "when", "while", "after",
    "before", "since", "because", "although", "though", "as", "in", "on", "at", "for",
    "with", "without", "by", "from", "to", "of", "about", "this", "that", "these", "those",
    "there", "here", "it", "he", "she", "they", "we", "i", "you", "his", "her", "their",
    "its", "our", "my", "your", "what", "who", "which", "where", "why", "how", "some",
    "many", "most", "all", "no", "not", "yes", "still", "also", "then", "now", "today",
    "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "last", "next", "this",
    "meanwhile", "however", "instead", "indeed", "earlier", "later", "asked", "speaking",
    "according", "one", "two", "three", "several", "both", "each", "every", "another",
    "other", "such", "even", "only", "just", "already", "mr", "mrs", "ms", "dr",
];
