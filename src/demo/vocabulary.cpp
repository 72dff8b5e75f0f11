#include "demo/vocabulary.hpp"

#include <array>

namespace onecase::demo {
namespace {

using sv = std::string_view;

constexpr PduSeed kNorthEast[] = {
    {"County Durham and Darlington", "Durham", "DH"}, {"Gateshead and South Tyneside", "Gateshead", "NE"},
    {"Newcastle upon Tyne", "Newcastle upon Tyne", "NE"}, {"North Tyneside and Northumberland", "North Shields", "NE"},
    {"Redcar, Cleveland and Middlesbrough", "Middlesbrough", "TS"}, {"Stockton and Hartlepool", "Stockton-on-Tees", "TS"},
    {"Sunderland", "Sunderland", "SR"}};
constexpr PduSeed kNorthWest[] = {
    {"Liverpool North", "Walton", "L"}, {"Liverpool South", "Liverpool", "L"}, {"Cumbria", "Carlisle", "CA"},
    {"Lancashire North", "Lancaster", "LA"}, {"Blackburn and Darwen", "Blackburn", "BB"},
    {"Blackpool", "Blackpool", "FY"}, {"Preston", "Preston", "PR"}, {"Sefton", "Bootle", "L"},
    {"Wirral", "Birkenhead", "CH"}, {"Cheshire and Warrington", "Warrington", "WA"}};
constexpr PduSeed kGreaterManchester[] = {
    {"Manchester North", "Manchester", "M"}, {"Manchester South", "Wythenshawe", "M"}, {"Salford", "Salford", "M"},
    {"Bolton", "Bolton", "BL"}, {"Bury and Rochdale", "Rochdale", "OL"}, {"Oldham", "Oldham", "OL"},
    {"Stockport and Trafford", "Stockport", "SK"}, {"Tameside", "Ashton-under-Lyne", "OL"}, {"Wigan", "Wigan", "WN"}};
constexpr PduSeed kYorkshire[] = {
    {"Leeds", "Leeds", "LS"}, {"Bradford and Calderdale", "Bradford", "BD"}, {"Kirklees", "Huddersfield", "HD"},
    {"Wakefield", "Wakefield", "WF"}, {"Sheffield", "Sheffield", "S"}, {"Doncaster", "Doncaster", "DN"},
    {"Rotherham and Barnsley", "Rotherham", "S"}, {"Hull and East Riding", "Kingston upon Hull", "HU"},
    {"North Yorkshire", "York", "YO"}};
constexpr PduSeed kEastMidlands[] = {
    {"Nottingham City", "Nottingham", "NG"}, {"Nottinghamshire County", "Mansfield", "NG"}, {"Derby City", "Derby", "DE"},
    {"Derbyshire", "Chesterfield", "S"}, {"Leicester, Leicestershire and Rutland", "Leicester", "LE"},
    {"Lincolnshire East", "Boston", "PE"}, {"Lincolnshire West", "Lincoln", "LN"}, {"North Northamptonshire", "Kettering", "NN"},
    {"West Northamptonshire", "Northampton", "NN"}};
constexpr PduSeed kWestMidlands[] = {
    {"Birmingham Central and South", "Birmingham", "B"}, {"Birmingham North, East and Solihull", "Erdington", "B"},
    {"Coventry", "Coventry", "CV"}, {"Dudley and Sandwell", "Dudley", "DY"}, {"Walsall and Wolverhampton", "Wolverhampton", "WV"},
    {"Staffordshire North", "Stoke-on-Trent", "ST"}, {"Staffordshire South", "Stafford", "ST"},
    {"Warwickshire", "Nuneaton", "CV"}, {"Worcestershire", "Worcester", "WR"},
    {"Herefordshire, Shropshire and Telford", "Telford", "TF"}};
constexpr PduSeed kEastOfEngland[] = {
    {"Bedfordshire", "Luton", "LU"}, {"Cambridgeshire", "Cambridge", "CB"}, {"Peterborough", "Peterborough", "PE"},
    {"Essex North", "Colchester", "CO"}, {"Essex South", "Basildon", "SS"}, {"Hertfordshire", "Stevenage", "SG"},
    {"Norfolk", "Norwich", "NR"}, {"Suffolk", "Ipswich", "IP"}, {"Southend and Thurrock", "Southend-on-Sea", "SS"}};
constexpr PduSeed kLondon[] = {
    {"Camden and Islington", "Islington", "N"}, {"Hackney and City", "Hackney", "E"}, {"Lambeth", "Brixton", "SW"},
    {"Southwark", "Peckham", "SE"}, {"Westminster, Kensington and Chelsea, Hammersmith and Fulham", "Hammersmith", "W"},
    {"Tower Hamlets", "Whitechapel", "E"}, {"Croydon", "Croydon", "CR"}, {"Ealing and Hillingdon", "Ealing", "W"},
    {"Barnet, Enfield and Haringey", "Enfield", "EN"}, {"Brent", "Wembley", "HA"}, {"Newham", "Stratford", "E"},
    {"Lewisham and Bromley", "Lewisham", "SE"}};
constexpr PduSeed kKentSurreySussex[] = {
    {"East Kent", "Canterbury", "CT"}, {"West Kent", "Maidstone", "ME"}, {"North Kent and Medway", "Chatham", "ME"},
    {"Surrey", "Guildford", "GU"}, {"Brighton and East Sussex", "Brighton", "BN"}, {"West Sussex", "Crawley", "RH"},
    {"Hastings and Rother", "Hastings", "TN"}};
constexpr PduSeed kSouthWest[] = {
    {"Bristol and South Gloucestershire", "Bristol", "BS"}, {"Devon and Torbay", "Exeter", "EX"},
    {"Plymouth", "Plymouth", "PL"}, {"Cornwall and Isles of Scilly", "Truro", "TR"}, {"Dorset", "Bournemouth", "BH"},
    {"Gloucestershire", "Gloucester", "GL"}, {"Somerset", "Taunton", "TA"}, {"Wiltshire and Swindon", "Swindon", "SN"}};
constexpr PduSeed kSouthCentral[] = {
    {"Hampshire North and East", "Basingstoke", "RG"}, {"Portsmouth and Isle of Wight", "Portsmouth", "PO"},
    {"Southampton, Eastleigh and New Forest", "Southampton", "SO"}, {"Oxfordshire", "Oxford", "OX"},
    {"Buckinghamshire and Milton Keynes", "Milton Keynes", "MK"}, {"Berkshire East", "Slough", "SL"},
    {"Berkshire West", "Reading", "RG"}, {"Hampshire South and West", "Winchester", "SO"}};
constexpr PduSeed kWales[] = {
    {"Cardiff and Vale", "Cardiff", "CF"}, {"Swansea, Neath Port Talbot", "Swansea", "SA"},
    {"Cwm Taf Morgannwg", "Merthyr Tydfil", "CF"}, {"Gwent", "Newport", "NP"}, {"Dyfed-Powys", "Carmarthen", "SA"},
    {"North Wales", "Wrexham", "LL"}};
constexpr PduSeed kNationalSecurity[] = {
    {"NSD North", "Salford Quays", "M"}, {"NSD Midlands and Wales", "Edgbaston", "B"}, {"NSD London and South", "Southwark", "SE"}};

constexpr sv kCourtsNE[] = {"Newcastle Magistrates' Court", "Teesside Magistrates' Court", "South Tyneside Magistrates' Court", "Newcastle Crown Court", "Teesside Crown Court", "Durham Crown Court"};
constexpr sv kCourtsNW[] = {"Liverpool and Knowsley Magistrates' Court", "Preston Magistrates' Court", "Blackpool Magistrates' Court", "Wirral Magistrates' Court", "Liverpool Crown Court", "Preston Crown Court", "Carlisle Crown Court"};
constexpr sv kCourtsGM[] = {"Manchester and Salford Magistrates' Court", "Tameside Magistrates' Court", "Wigan and Leigh Magistrates' Court", "Manchester Crown Court (Minshull Street)", "Manchester Crown Court (Crown Square)", "Bolton Crown Court"};
constexpr sv kCourtsYH[] = {"Leeds Magistrates' Court", "Bradford and Keighley Magistrates' Court", "Sheffield Magistrates' Court", "Hull Magistrates' Court", "Leeds Crown Court", "Sheffield Crown Court", "Hull Crown Court", "York Crown Court"};
constexpr sv kCourtsEM[] = {"Nottingham Magistrates' Court", "Leicester Magistrates' Court", "Derby Magistrates' Court", "Lincoln Magistrates' Court", "Nottingham Crown Court", "Leicester Crown Court", "Derby Crown Court", "Northampton Crown Court"};
constexpr sv kCourtsWM[] = {"Birmingham Magistrates' Court", "Wolverhampton Magistrates' Court", "Coventry Magistrates' Court", "North Staffordshire Justice Centre", "Birmingham Crown Court", "Wolverhampton Crown Court", "Stoke-on-Trent Crown Court", "Worcester Crown Court"};
constexpr sv kCourtsEE[] = {"Luton and South Bedfordshire Magistrates' Court", "Cambridge Magistrates' Court", "Chelmsford Magistrates' Court", "Norwich Magistrates' Court", "Ipswich Magistrates' Court", "Chelmsford Crown Court", "Norwich Crown Court", "Ipswich Crown Court", "Cambridge Crown Court"};
constexpr sv kCourtsLDN[] = {"Highbury Corner Magistrates' Court", "Westminster Magistrates' Court", "Thames Magistrates' Court", "Camberwell Green Magistrates' Court", "Croydon Magistrates' Court", "Willesden Magistrates' Court", "Stratford Magistrates' Court", "Wood Green Crown Court", "Snaresbrook Crown Court", "Inner London Crown Court", "Southwark Crown Court", "Central Criminal Court", "Isleworth Crown Court", "Croydon Crown Court"};
constexpr sv kCourtsKSS[] = {"Medway Magistrates' Court", "Canterbury Magistrates' Court", "Brighton Magistrates' Court", "Guildford Magistrates' Court", "Maidstone Crown Court", "Canterbury Crown Court", "Lewes Crown Court", "Guildford Crown Court"};
constexpr sv kCourtsSW[] = {"Bristol Magistrates' Court", "Exeter Magistrates' Court", "Plymouth Magistrates' Court", "Truro Magistrates' Court", "Bristol Crown Court", "Exeter Crown Court", "Plymouth Crown Court", "Bournemouth Crown Court"};
constexpr sv kCourtsSC[] = {"Portsmouth Magistrates' Court", "Southampton Magistrates' Court", "Oxford Magistrates' Court", "Reading Magistrates' Court", "Winchester Crown Court", "Portsmouth Crown Court", "Oxford Crown Court", "Reading Crown Court", "Aylesbury Crown Court"};
constexpr sv kCourtsWAL[] = {"Cardiff Magistrates' Court", "Swansea Magistrates' Court", "Newport Magistrates' Court", "Llandudno Magistrates' Court", "Cardiff Crown Court", "Swansea Crown Court", "Newport Crown Court", "Mold Crown Court", "Merthyr Tydfil Crown Court"};
constexpr sv kCourtsNSD[] = {"Westminster Magistrates' Court", "Central Criminal Court", "Birmingham Crown Court", "Manchester Crown Court (Crown Square)", "Kingston Crown Court", "Woolwich Crown Court"};

constexpr RegionSeed kRegions[] = {
    {"NE", "North East", kNorthEast, kCourtsNE},
    {"NW", "North West", kNorthWest, kCourtsNW},
    {"GM", "Greater Manchester", kGreaterManchester, kCourtsGM},
    {"YH", "Yorkshire and the Humber", kYorkshire, kCourtsYH},
    {"EM", "East Midlands", kEastMidlands, kCourtsEM},
    {"WM", "West Midlands", kWestMidlands, kCourtsWM},
    {"EE", "East of England", kEastOfEngland, kCourtsEE},
    {"LDN", "London", kLondon, kCourtsLDN},
    {"KSS", "Kent, Surrey and Sussex", kKentSurreySussex, kCourtsKSS},
    {"SW", "South West", kSouthWest, kCourtsSW},
    {"SC", "South Central", kSouthCentral, kCourtsSC},
    {"WAL", "Wales", kWales, kCourtsWAL},
    {"NSD", "National Security Division", kNationalSecurity, kCourtsNSD},
};

constexpr sv kMale[] = {
    "James", "John", "David", "Michael", "Daniel", "Ryan", "Liam", "Connor", "Jamie", "Lee", "Dean", "Craig",
    "Mohammed", "Muhammad", "Ahmed", "Imran", "Tariq", "Bilal", "Hamza", "Usman", "Zain", "Arjun", "Rajesh",
    "Sandeep", "Gurpreet", "Harjit", "Kwame", "Kofi", "Tyrone", "Marcus", "Jermaine", "Delroy", "Winston",
    "Leroy", "Jordan", "Kieran", "Sean", "Patrick", "Declan", "Ciaran", "Eoin", "Gareth", "Rhys", "Dylan",
    "Aled", "Dafydd", "Iwan", "Callum", "Euan", "Fraser", "Jack", "Thomas", "Harry", "Lewis", "Nathan",
    "Jason", "Wayne", "Darren", "Paul", "Mark", "Stephen", "Steven", "Piotr", "Tomasz", "Krzysztof",
    "Marcin", "Andrei", "Mihai", "Ionut", "Florin", "Darius", "Oluwaseun", "Chukwuemeka", "Emeka", "Tunde",
    "Abdi", "Mohamed", "Yusuf", "Ibrahim", "Mustafa", "Kemal", "Emre", "Arben", "Besnik", "Aaron", "Bradley",
    "Shane", "Kyle", "Ashley", "Ricky", "Gary", "Anthony", "Christopher", "Matthew", "Jake", "Reece", "Kai",
    "Tyler", "Josh", "Joshua", "Luke", "Adam", "Ben", "Samuel", "Joseph", "William", "George", "Oliver",
    "Alfie", "Charlie", "Billy", "Robert", "Richard", "Andrew", "Kevin", "Carl", "Neil", "Ian", "Simon",
    "Martin", "Scott", "Stuart", "Graham", "Terence", "Barry", "Keith", "Malcolm", "Derek", "Trevor",
    "Nigel", "Colin", "Dominic", "Jerome", "Levi", "Reuben", "Tobias", "Mason", "Owen", "Elliot", "Brandon",
    "Dale", "Vinnie", "Sami", "Karim", "Hassan", "Omar", "Faisal", "Nasir", "Shahid", "Asif"};

constexpr sv kFemale[] = {
    "Sarah", "Emma", "Laura", "Gemma", "Kelly", "Lisa", "Claire", "Nicola", "Chloe", "Jade", "Amy",
    "Charlotte", "Rebecca", "Danielle", "Stacey", "Siobhan", "Aoife", "Niamh", "Catherine", "Kathryn",
    "Fatima", "Aisha", "Amina", "Ayesha", "Nasreen", "Shazia", "Parveen", "Priya", "Sunita", "Manpreet",
    "Shanice", "Precious", "Chantelle", "Tanisha", "Abena", "Ngozi", "Chidinma", "Funmilayo", "Leanne",
    "Kerry", "Joanne", "Michelle", "Samantha", "Megan", "Bethan", "Ffion", "Cerys", "Carys", "Rhiannon",
    "Agnieszka", "Natalia", "Katarzyna", "Monika", "Ioana", "Elena", "Zainab", "Nadia", "Hodan",
    "Fadumo", "Hayley", "Tracey", "Donna", "Louise", "Victoria", "Natalie", "Rachel", "Hannah", "Jessica",
    "Lauren", "Sophie", "Ellie", "Molly", "Courtney", "Paige", "Tia", "Kayleigh", "Toni", "Sharon",
    "Karen", "Julie", "Angela", "Debbie", "Paula", "Dawn", "Wendy", "Mandy", "Marie", "Grace", "Zoe",
    "Jasmine", "Leah", "Amber", "Shannon", "Demi", "Roxanne", "Kirsty", "Eilidh", "Shona", "Lorraine"};

constexpr sv kSurnames[] = {
    "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson",
    "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall",
    "Lewis", "Harris", "Clarke", "Clark", "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill", "Ward",
    "Morris", "Moore", "King", "Watson", "Baker", "Harrison", "Morgan", "Patel", "Young", "Allen",
    "Mitchell", "James", "Anderson", "Phillips", "Lee", "Bell", "Parker", "Davis", "Kelly", "Bennett",
    "Scott", "Shaw", "Cook", "Richardson", "Carter", "Marshall", "Collins", "Dixon", "Price", "Powell",
    "Griffiths", "Lloyd", "Jenkins", "Llewellyn", "Pritchard", "Rees", "Owen", "Bowen", "Vaughan",
    "Khan", "Ahmed", "Hussain", "Ali", "Begum", "Shah", "Iqbal", "Akhtar", "Mahmood", "Rahman", "Uddin",
    "Miah", "Islam", "Chowdhury", "Singh", "Kaur", "Sandhu", "Gill", "Sharma", "Kumar", "Mistry",
    "O'Neill", "O'Brien", "O'Connor", "O'Sullivan", "O'Reilly", "O'Donnell", "D'Souza", "McCarthy",
    "McDonald", "McLaughlin", "McKenzie", "MacLeod", "Murphy", "Doyle", "Gallagher", "Byrne", "Quinn",
    "Smith-Jones", "Ward-Hughes", "Lloyd-Davies", "Brown-Campbell", "Taylor-Reid", "Ahmed-Khan",
    "Okafor", "Adeyemi", "Mensah", "Boateng", "Asante", "Owusu", "Okonkwo", "Adebayo", "Eze", "Nwosu",
    "Campbell", "Stewart", "Reid", "Gordon", "Francis", "Grant", "Henry", "Bailey", "Richards", "Brooks",
    "Samuels", "Forbes", "Blake", "Kowalski", "Nowak", "Wisniewski", "Lewandowski", "Kaminski",
    "Popescu", "Ionescu", "Dumitru", "Petrov", "Kazlauskas", "Yilmaz", "Demir", "Hoxha", "Berisha",
    "Mohamed", "Abdi", "Hassan", "Warsame", "Osman", "Nguyen", "Tran", "Chen", "Wong", "Li", "Foster",
    "Barnes", "Fletcher", "Marsh", "Simpson", "Chapman", "Ellis", "Webb", "Rogers", "Gray", "Mills",
    "Holmes", "Palmer", "Lawrence", "Knight", "Hunt", "Fox", "Stone", "Rose", "Burton", "Walsh", "Murray",
    "Matthews", "Wells", "Hart", "Armstrong", "Pearson", "Barker", "Atkinson", "Kennedy", "Russell",
    "Hudson", "Newton", "Spencer", "Gibson", "Payne", "Dawson", "Lane", "Booth", "Fisher", "Porter",
    "Hammond", "Sutton", "Whitehead", "Slater", "Birch", "Haworth", "Crossley", "Ainsworth", "Greenwood",
    "Pickering", "Sutcliffe", "Horsfall", "Pemberton", "Bradshaw", "Ramsbottom"};

constexpr sv kStreets[] = {
    "High Street", "Station Road", "Church Lane", "Victoria Road", "Park Avenue", "Mill Lane", "Queen Street",
    "King Street", "New Road", "Albert Road", "Grove Road", "Manor Way", "Chapel Street", "Windsor Close",
    "Mount Pleasant", "Cromwell Road", "Elm Grove", "Oak Drive", "Brook Street", "Market Street",
    "Alexandra Road", "Beech Avenue", "Cemetery Road", "Clarence Street", "Coronation Street", "Dale Road",
    "Fairfield Road", "Gladstone Street", "Hawthorn Close", "Highfield Road", "Hillside Crescent",
    "Jubilee Way", "Kingsway", "Lansdowne Road", "Lime Street", "Meadow View", "Nelson Street",
    "Orchard Close", "Peel Street", "Primrose Hill", "Princes Avenue", "Railway Terrace", "Redhill Drive",
    "Richmond Road", "St John's Road", "St Mary's Close", "Sandringham Drive", "School Lane",
    "Springfield Road", "Stanley Street", "Sycamore Way", "The Crescent", "Union Street", "Vicarage Lane",
    "Water Lane", "Wellington Road", "Westfield Avenue", "Willow Walk", "York Road", "Ashley Court"};

constexpr sv kLocalities[] = {"Northfield", "Southside", "Eastgate", "Westbury", "Hillcrest", "Parkside", "Riverside",
                              "Newtown", "Old Town", "Moorside", "Brookfield", "Greenacres", "Lowfield", "Highbury Vale"};

constexpr OffenceSeed kOffences[] = {
    {"Theft from a shop or stall", 1, false, false, false},
    {"Burglary in a dwelling", 2, false, false, false},
    {"Burglary other than a dwelling", 2, false, false, false},
    {"Assault occasioning actual bodily harm", 2, true, false, false},
    {"Assault occasioning actual bodily harm (domestic)", 2, true, false, true},
    {"Common assault", 1, true, false, false},
    {"Common assault (domestic)", 1, true, false, true},
    {"Assault on an emergency worker", 1, true, false, false},
    {"Possession with intent to supply a controlled drug of Class A", 3, false, false, false},
    {"Being concerned in the supply of a controlled drug of Class A", 3, false, false, false},
    {"Possession of a controlled drug of Class B", 1, false, false, false},
    {"Possession of a bladed article in a public place", 2, true, false, false},
    {"Possession of an offensive weapon", 2, true, false, false},
    {"Driving whilst disqualified", 1, false, false, false},
    {"Driving with excess alcohol", 1, false, false, false},
    {"Dangerous driving", 2, false, false, false},
    {"Causing death by dangerous driving", 3, false, false, false},
    {"Criminal damage", 1, false, false, false},
    {"Arson", 2, false, false, false},
    {"Fraud by false representation", 2, false, false, false},
    {"Harassment", 1, false, false, true},
    {"Stalking involving fear of violence", 2, true, false, true},
    {"Breach of a restraining order", 2, false, false, true},
    {"Breach of a non-molestation order", 2, false, false, true},
    {"Controlling or coercive behaviour in an intimate or family relationship", 2, false, false, true},
    {"Robbery", 3, true, false, false},
    {"Affray", 2, true, false, false},
    {"Violent disorder", 3, true, false, false},
    {"Handling stolen goods", 2, false, false, false},
    {"Theft from the person", 2, false, false, false},
    {"Taking a motor vehicle without consent", 1, false, false, false},
    {"Wounding with intent to cause grievous bodily harm (s.18)", 3, true, false, false},
    {"Inflicting grievous bodily harm (s.20)", 2, true, false, false},
    {"Racially or religiously aggravated harassment", 2, false, false, false},
    {"Sexual assault", 2, false, true, false},
    {"Making indecent photographs of a child", 2, false, true, false},
    {"Rape", 3, true, true, false},
    {"Threats to kill", 2, true, false, true},
    {"Money laundering", 3, false, false, false},
    {"Possession of a firearm without a certificate", 3, true, false, false},
    {"Sending a communication with intent to cause distress", 1, false, false, false},
    {"Failing to comply with notification requirements", 2, false, true, false},
    {"Cultivation of cannabis", 2, false, false, false},
    {"Vehicle interference", 1, false, false, false},
    {"Obstructing or resisting a police constable", 1, false, false, false},
};

constexpr sv kProgrammes[] = {"Building Choices", "Thinking Skills Programme", "Building Better Relationships",
                              "Kaizen", "Horizon", "Becoming New Me+", "New Me Strengths", "Resolve",
                              "Drink Impaired Drivers Programme"};

constexpr sv kLicenceStandard[] = {
    "Be of good behaviour and not behave in a way which undermines the purpose of the licence period",
    "Not commit any offence",
    "Keep in touch with the supervising officer in accordance with instructions given by the supervising officer",
    "Receive visits from the supervising officer in accordance with instructions given by the supervising officer",
    "Reside permanently at an address approved by the supervising officer and obtain the prior permission of the "
    "supervising officer for any stay of one or more nights at a different address",
    "Not undertake work, or a particular type of work, unless it is approved by the supervising officer and notify "
    "the supervising officer in advance of any proposal to undertake work or a particular type of work",
    "Not travel outside the United Kingdom, the Channel Islands or the Isle of Man except with the prior permission "
    "of the supervising officer or for the purposes of immigration deportation or removal",
    "Tell the supervising officer if you use a name which is different to the name or names which appear on your licence",
    "Tell the supervising officer if you change or add any contact telephone numbers"};

constexpr sv kLicenceAdditional[] = {
    "Not to approach or communicate with the named victim without the prior approval of your supervising officer",
    "Not to enter the exclusion zone defined on the attached map without the prior approval of your supervising officer",
    "Confine yourself to the approved premises between 21:00 and 07:00 daily unless otherwise authorised",
    "Reside at an approved premises and comply with its rules",
    "Not to have unsupervised contact with any child under the age of 18 without the prior approval of your "
    "supervising officer and the relevant children's services",
    "Attend all appointments arranged for you with a psychiatrist, psychologist or medical practitioner",
    "Attend a drug testing appointment as directed and provide a sample",
    "Comply with requirements specified by your supervising officer for the purpose of ensuring that you address "
    "your alcohol, drug or gambling problems",
    "Not to use or access any computer or device which is internet enabled without the prior approval of your "
    "supervising officer",
    "Provide your supervising officer with details of any vehicle you own, hire or use",
    "Not to associate with any person currently or formerly associated with organised crime groups",
    "Notify your supervising officer of any developing intimate relationships with women or men",
    "Comply with electronic monitoring of your whereabouts (GPS tag)"};

constexpr sv kPss[] = {
    "Be of good behaviour and not behave in a way which undermines the purpose of the supervision period",
    "Keep in touch with the supervisor in accordance with instructions given by the supervisor",
    "Receive visits from the supervisor in accordance with instructions given by the supervisor",
    "Have a permanent address in the United Kingdom and notify the supervisor of any change",
    "Participate in activities in accordance with instructions given by the supervisor",
    "Attend drug appointments as directed by the supervisor"};

}  // namespace

std::span<const RegionSeed> regions() { return kRegions; }
std::span<const std::string_view> male_first_names() { return kMale; }
std::span<const std::string_view> female_first_names() { return kFemale; }
std::span<const std::string_view> surnames() { return kSurnames; }
std::span<const std::string_view> streets() { return kStreets; }
std::span<const std::string_view> localities() { return kLocalities; }
std::span<const OffenceSeed> offences() { return kOffences; }
std::span<const std::string_view> accredited_programmes() { return kProgrammes; }
std::span<const std::string_view> licence_standard_conditions() { return kLicenceStandard; }
std::span<const std::string_view> licence_additional_conditions() { return kLicenceAdditional; }
std::span<const std::string_view> pss_requirements() { return kPss; }

}  // namespace onecase::demo
