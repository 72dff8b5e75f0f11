#include "demo/vocabulary.hpp"

namespace onecase::demo {

const std::vector<RegionSeed>& regions() {
    static const std::vector<RegionSeed> kRegions = {
        {"NE", "North East", {"County Durham and Darlington", "Northumbria", "Tees Valley", "Newcastle", "Sunderland", "Gateshead and South Tyneside", "North Tyneside and Northumberland", "Durham"}},
        {"NW", "North West", {"Cumbria", "Lancashire North", "Lancashire East", "Liverpool North", "Liverpool South", "Wirral", "Cheshire East", "Cheshire West", "Warrington and Halton"}},
        {"GM", "Greater Manchester", {"Manchester", "Salford", "Bolton", "Wigan", "Stockport and Trafford", "Oldham", "Rochdale", "Bury", "Tameside"}},
        {"YH", "Yorkshire and the Humber", {"Leeds", "Bradford and Calderdale", "Kirklees and Wakefield", "Sheffield", "Doncaster", "Rotherham", "Hull and East Riding", "North Yorkshire", "Barnsley"}},
        {"EM", "East Midlands", {"Nottingham City", "Nottinghamshire", "Derby City", "Derbyshire", "Leicester", "Leicestershire and Rutland", "Lincolnshire East", "Lincolnshire West", "Northamptonshire"}},
        {"WM", "West Midlands", {"Birmingham Central and South", "Birmingham North and East", "Coventry", "Dudley and Sandwell", "Wolverhampton and Walsall", "Solihull", "Staffordshire North", "Warwickshire", "Herefordshire, Shropshire and Telford"}},
        {"EE", "East of England", {"Bedfordshire", "Cambridgeshire and Peterborough", "Essex North", "Essex South", "Hertfordshire", "Norfolk", "Suffolk", "Southend"}},
        {"LDN", "London", {"Camden and Islington", "Hackney and City", "Lambeth", "Southwark", "Westminster", "Tower Hamlets", "Croydon", "Ealing and Hillingdon", "Barnet, Enfield and Haringey", "Brent", "Newham", "Lewisham and Bromley"}},
        {"KSS", "Kent, Surrey and Sussex", {"Kent East", "Kent West", "Surrey", "Brighton and East Sussex", "West Sussex", "Medway"}},
        {"SW", "South West", {"Bristol and South Gloucestershire", "Devon and Torbay", "Cornwall and Isles of Scilly", "Dorset", "Gloucestershire", "Somerset", "Wiltshire", "Plymouth"}},
        {"SC", "South Central", {"Hampshire North", "Hampshire South and Isle of Wight", "Portsmouth", "Southampton", "Thames Valley East", "Thames Valley West", "Oxfordshire", "Buckinghamshire and Milton Keynes"}},
        {"WAL", "Wales", {"Cardiff and Vale", "Swansea, Neath Port Talbot", "Cwm Taf Morgannwg", "Gwent", "Dyfed-Powys", "North Wales"}},
        {"NSD", "National Security Division", {"NSD North", "NSD South", "NSD Midlands and Wales", "NSD London"}},
    };
    return kRegions;
}

const std::vector<std::string>& male_first_names() {
    static const std::vector<std::string> k = {"James", "John", "David", "Michael", "Daniel", "Ryan", "Liam", "Connor", "Jamie", "Lee", "Dean", "Craig", "Mohammed", "Ahmed", "Imran", "Tariq", "Kwame", "Tyrone", "Marcus", "Jordan", "Kieran", "Sean", "Patrick", "Declan", "Gareth", "Rhys", "Dylan", "Aled", "Callum", "Jack", "Thomas", "Harry", "Lewis", "Nathan", "Jason", "Wayne", "Darren", "Paul", "Mark", "Stephen", "Piotr", "Tomasz", "Andrei", "Mihai", "Oluwaseun", "Chukwuemeka", "Delroy", "Winston", "Aaron", "Bradley", "Shane", "Kyle", "Ashley", "Ricky", "Gary", "Anthony", "Christopher", "Matthew", "Jake", "Reece"};
    return k;
}

const std::vector<std::string>& female_first_names() {
    static const std::vector<std::string> k = {"Sarah", "Emma", "Laura", "Gemma", "Kelly", "Lisa", "Claire", "Nicola", "Chloe", "Jade", "Amy", "Charlotte", "Rebecca", "Danielle", "Stacey", "Siobhán", "Aoife", "Catherine", "Kathryn", "Fatima", "Aisha", "Amina", "Shanice", "Precious", "Chantelle", "Leanne", "Kerry", "Joanne", "Michelle", "Samantha", "Megan", "Bethan", "Ffion", "Cerys", "Agnieszka", "Natalia", "Zainab", "Nadia", "Hayley", "Tracey"};
    return k;
}

const std::vector<std::string>& surnames() {
    static const std::vector<std::string> k = {"Smith", "Smyth", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson", "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel", "Khan", "Ahmed", "Hussain", "Begum", "Ali", "Singh", "Kaur", "O'Neill", "O'Brien", "O'Connor", "McCarthy", "Murphy", "Kelly", "Doyle", "Smith-Jones", "Ward-Hughes", "Okafor", "Adeyemi", "Mensah", "Campbell", "Stewart", "MacDonald", "Kowalski", "Nowak", "Popescu", "Baker", "Cooper", "Morgan", "Price", "Powell", "Griffiths", "Llewellyn", "Pritchard", "Foster", "Barnes", "Fletcher", "Marsh", "Reid", "Gordon", "Francis", "Grant", "Henry", "Bailey", "Richards", "Shaw"};
    return k;
}

const std::vector<std::string>& streets() {
    static const std::vector<std::string> k = {"High Street", "Station Road", "Church Lane", "Victoria Road", "Park Avenue", "Mill Lane", "Queen Street", "King Street", "New Road", "Albert Road", "Grove Road", "Manor Way", "Chapel Street", "Windsor Close", "Mount Pleasant", "Cromwell Road", "Elm Grove", "Oak Drive", "Brook Street", "Market Street"};
    return k;
}

const std::vector<std::string>& offences() {
    static const std::vector<std::string> k = {
        "Theft from a shop", "Burglary (dwelling)", "Assault occasioning actual bodily harm",
        "Common assault", "Possession of a class A drug with intent to supply",
        "Possession of a bladed article", "Driving whilst disqualified", "Criminal damage",
        "Fraud by false representation", "Harassment", "Breach of a restraining order",
        "Robbery", "Affray", "Handling stolen goods", "Assault on an emergency worker",
        "Controlling or coercive behaviour", "Possession of a class B drug",
        "Dangerous driving", "Arson", "Wounding with intent (s.18)"};
    return k;
}

const std::vector<std::string>& courts() {
    static const std::vector<std::string> k = {
        "Westminster Magistrates' Court", "Manchester Crown Court", "Leeds Magistrates' Court",
        "Birmingham Crown Court", "Cardiff Crown Court", "Bristol Magistrates' Court",
        "Newcastle Crown Court", "Liverpool Crown Court", "Highbury Corner Magistrates' Court",
        "Nottingham Magistrates' Court", "Snaresbrook Crown Court", "Swansea Crown Court",
        "Sheffield Magistrates' Court", "Maidstone Crown Court", "Norwich Magistrates' Court"};
    return k;
}

const std::vector<std::string>& note_openings() {
    static const std::vector<std::string> k = {
        "{name} attended on time and was engaged throughout.",
        "Spoke with {name} by phone as arranged.",
        "{name} arrived 15 minutes late, apologised and said the bus had not come.",
        "Home visit completed; {name} answered the door and invited me in.",
        "{name} called the office to say they were unwell and could not attend today.",
        "Appointment used to review progress against the sentence plan with {name}.",
        "Text reminder sent to {name} for Thursday's appointment.",
        "Letter sent to {name} confirming the next appointment and reporting instructions.",
        "{name} presented as tired but settled and was open in discussion.",
        "Three-way meeting with {name} and their drug worker."};
    return k;
}

const std::vector<std::string>& note_bodies() {
    static const std::vector<std::string> k = {
        "We discussed accommodation: the current tenancy is secure until March and rent arrears are being repaid at £5 a week.",
        "Reports no contact with the victim and understands the restraining order conditions.",
        "Employment: has an interview at a warehouse on Monday; we practised interview questions.",
        "Completed session 4 of the Building Choices workbook on managing conflict.",
        "Discussed triggers for alcohol use; states they have cut down to weekends only. Encouraged to attend the recovery café.",
        "Unpaid work: 32 of 120 hours completed. Has been reliable on the Saturday project.",
        "Disclosed low mood over the past fortnight; signposted to the GP and the Samaritans number given.",
        "Reviewed licence conditions together, including the exclusion zone and the curfew hours.",
        "Benefits have been sanctioned; referred to the finance, benefit and debt service.",
        "Relationship with partner is described as stable; no police call-outs reported since the last contact.",
        "Checked in with the police offender manager: no new intelligence.",
        "Urine screen negative for opiates; positive for cannabis, which was discussed.",
        "Attended the RAR activity on thinking skills; good participation.",
        "Has moved to a new address; address check requested and approved premises informed.",
        "Spoke about the children's contact arrangements; social worker to be updated."};
    return k;
}

const std::vector<std::string>& note_closings() {
    static const std::vector<std::string> k = {
        "Next appointment booked and confirmed in writing.",
        "No concerns about risk at this time.",
        "Will review at the next appointment.",
        "Reminded of the consequences of missing appointments.",
        "Case discussed with the SPO in supervision.",
        "Agreed actions recorded in the sentence plan."};
    return k;
}

}  // namespace onecase::demo
