#include "demo/notes.hpp"

#include <span>
#include <vector>

namespace onecase::demo {

namespace {

using sv = std::string_view;

// Placeholders: {n} first name, {he} {him} {his} and capitalised {He} {His}.
enum class Slot { none, name, he, him, his, He, His };

struct Piece {
    sv literal;
    Slot slot;
};
using Template = std::vector<Piece>;

Template parse(sv text) {
    static constexpr std::pair<sv, Slot> kSlots[] = {{"{n}", Slot::name}, {"{he}", Slot::he},   {"{him}", Slot::him},
                                                     {"{his}", Slot::his}, {"{He}", Slot::He}, {"{His}", Slot::His}};
    Template t;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '{') continue;
        for (const auto& [token, slot] : kSlots) {
            if (text.substr(i, token.size()) == token) {
                t.push_back({text.substr(start, i - start), slot});
                start = i + token.size();
                i = start - 1;
                break;
            }
        }
    }
    t.push_back({text.substr(start), Slot::none});
    return t;
}

class Pool {
public:
    explicit Pool(std::span<const sv> texts) {
        for (sv t : texts) templates_.push_back(parse(t));
    }
    std::size_t size() const { return templates_.size(); }
    void append(Random& rng, std::string& out, const NoteSubject& s) const { append_at(rng.below(size()), out, s); }
    void append_at(std::size_t index, std::string& out, const NoteSubject& s) const {
        for (const auto& piece : templates_[index]) {
            out += piece.literal;
            switch (piece.slot) {
                case Slot::none: break;
                case Slot::name: out += s.first_name; break;
                case Slot::he: out += s.female ? "she" : "he"; break;
                case Slot::him: out += s.female ? "her" : "him"; break;
                case Slot::his: out += s.female ? "her" : "his"; break;
                case Slot::He: out += s.female ? "She" : "He"; break;
                case Slot::His: out += s.female ? "Her" : "His"; break;
            }
        }
    }

private:
    std::vector<Template> templates_;
};

constexpr sv kOfficeOpen[] = {
    "{n} reported on time for supervision.",
    "{n} reported for {his} appointment ten minutes late, apologised and said the bus had been delayed.",
    "Office visit with {n}.",
    "{n} attended the office as instructed and was seen in interview room 2.",
    "Planned supervision session with {n} at the office.",
    "{n} arrived early for {his} appointment and presented as calm and engaged throughout.",
    "Seen {n} in the office today; {he} appeared tired and said {he} had not slept well.",
    "{n} attended with {his} support worker, who stayed for the first part of the session with {his} agreement.",
    "Supervision session with {n}. {He} was initially guarded but relaxed as the session went on.",
    "{n} reported as instructed. Session lasted around 45 minutes.",
    "Seen {n} at the office for {his} fortnightly appointment.",
    "{n} attended; interpreter present by telephone for part of the session at {his} request.",
};
constexpr sv kHomeOpen[] = {
    "Home visit to {n}'s address with a colleague, as planned.",
    "Unannounced home visit. {n} answered the door and invited us in.",
    "Home visit completed. {n} was at home with {his} partner; the property was clean and tidy.",
    "Planned home visit to check the suitability of {n}'s address.",
    "Home visit. {n} was in and spoke with me in the living room; no one else appeared to be present.",
    "Visited {n} at home. Curtains drawn and some delay answering the door, but {he} engaged once inside.",
    "Home visit as part of the domestic abuse and safeguarding plan. {n} was present; the children were at school.",
    "Joint home visit with the police IOM officer. {n} was cooperative.",
};
constexpr sv kPhoneOpen[] = {
    "Telephone call to {n}.",
    "{n} telephoned the office and asked to speak to me.",
    "Phoned {n} to check in between appointments.",
    "Telephone contact with {n} as agreed at the last appointment.",
    "Returned {n}'s call from this morning.",
    "Call from {n}, who rang to say {he} was unwell and could not attend today.",
    "Telephone supervision with {n}, agreed with my SPO given {his} current work pattern.",
    "Tried {n}'s mobile twice with no answer; {he} called back within the hour.",
};
constexpr sv kVideoOpen[] = {
    "Video call with {n}.",
    "Supervision by video with {n}, agreed as {he} is working shifts this month.",
    "Video appointment with {n}; connection dropped twice but the session was completed.",
    "Video call with {n} and {his} drug worker.",
};
constexpr sv kEmailNotes[] = {
    "Email received from {n} confirming {he} can attend next week's appointment.",
    "Emailed {n} a copy of {his} appointment letter and the address of the unpaid work site.",
    "Email from {n}'s employer confirming {his} shift pattern for the next month.",
    "Email to the housing officer asking for an update on {n}'s application. No reply yet.",
    "Email received from the drug and alcohol service: {n} attended {his} key work session and tested negative.",
    "Email from {n} with a fit note covering the next two weeks. Absence accepted as acceptable.",
    "Emailed {n}'s GP surgery (with {his} consent) asking for confirmation of {his} current medication.",
    "Email from the CRS provider: {n} has been allocated an accommodation caseworker and a first meeting is booked.",
};
constexpr sv kLetterNotes[] = {
    "Appointment letter sent to {n} by first class post.",
    "Letter sent to {n} confirming the next appointment and the consequences of failing to attend.",
    "First warning letter sent to {n} following the unacceptable absence. Copy on file.",
    "Letter received from {n}'s solicitor asking for a copy of the pre-sentence report. Forwarded to my SPO.",
    "Letter sent to {n} with details of the Building Choices programme start date.",
    "Letter to {n} confirming that the unpaid work hours have been completed.",
    "Letter received from the housing association about rent arrears at {n}'s address. Will discuss at next appointment.",
};
constexpr sv kTextNotes[] = {
    "Text reminder sent to {n} for tomorrow's appointment.",
    "Text from {n}: running 10 minutes late.",
    "Text received from {n} asking to rearrange Thursday's appointment because of a job interview. Agreed.",
    "Text sent to {n} with the office address and directions.",
    "Text from {n} confirming {he} has received the appointment letter.",
    "Text reminder sent to {n}. No reply.",
};
constexpr sv kOtherNotes[] = {
    "Case discussed in supervision with my SPO. Agreed to increase {n}'s reporting to weekly while the concerns are reviewed.",
    "Police checks completed: no new arrests or intelligence since the last check for {n}.",
    "Attended the MAPPA level 2 meeting about {n}. Risk management plan reviewed; actions recorded in the minutes.",
    "Unpaid work attendance for {n}: completed a 7 hour session at the community garden project.",
    "Three-way meeting with {n} and the ETE worker about a CSCS card course.",
    "Record of RAR activity: {n} completed the 'thinking about consequences' session.",
    "Case transferred in from another PDU. Records read, previous practitioner spoken to; {n} to be seen this week.",
    "OASys review completed and countersigned. Sentence plan objectives updated with {n}.",
    "Referral made to the CRS Personal Wellbeing service for {n} (emotional wellbeing and finance).",
    "Court report requested for {n}'s review hearing. Report drafted and sent to the court.",
};

constexpr sv kBodies[] = {
    // Accommodation
    "{He} remains at the same address and says things are settled there.",
    "{He} has been sofa surfing with friends since falling out with {his} mother and does not have a stable address.",
    "{He} has been offered a room in supported housing and is due to move in next week; I will confirm the address with the landlord.",
    "We discussed the rent arrears letter. {He} has agreed to contact the council about a repayment plan and I have given {him} the number for Citizens Advice.",
    "The housing referral is still open. {n} is frustrated at the wait and I acknowledged how hard this is.",
    // Education, training and employment
    "{He} is still working for the warehouse agency and is getting about 30 hours a week.",
    "{n} has lost {his} job after missing shifts. {He} is applying for Universal Credit and we agreed {he} will bring the claim confirmation next time.",
    "{He} has started a forklift course through the ETE provider and seemed proud of this.",
    "{n} has an interview for a kitchen porter role on Friday. We talked through how to explain {his} conviction if asked.",
    // Drugs and alcohol
    "{He} says {he} has not used cocaine for six weeks and is keen to keep it that way. I praised the progress.",
    "{He} admitted drinking heavily over the weekend after an argument with {his} partner. We talked through the triggers and the plan from the last session.",
    "{n} is attending the drug service weekly and is on a stable methadone script.",
    "Drug test arranged; {n} agreed without complaint.",
    "{He} smelled of alcohol at the start of the session. {He} denied drinking today but accepted {he} had been drinking last night.",
    // Relationships and family
    "{He} is having supervised contact with {his} children at the contact centre on Saturdays, arranged by children's services.",
    "{n} says {he} is no longer in a relationship with the victim. This will be checked with the police domestic abuse unit.",
    "{His} mother remains a protective factor and {he} speaks positively of her support.",
    "{He} mentioned a new partner. I reminded {him} of the requirement to tell me about new relationships and will make the necessary checks.",
    // Emotional wellbeing and mental health
    "{He} reported low mood and poor sleep. {He} denied any thoughts of self-harm. I encouraged {him} to see {his} GP and gave {him} the Samaritans number.",
    "{n} is on the waiting list for talking therapy and has been given a date in six weeks.",
    "{He} was tearful when talking about the anniversary of {his} brother's death. We spent time on this and {he} said {he} felt a bit better by the end.",
    "{He} is taking {his} medication as prescribed and says it is helping.",
    // Finance
    "Money is tight. {He} is waiting for {his} first Universal Credit payment and I gave {him} a food bank voucher.",
    "We completed a budget sheet together and {he} has agreed to pay the court fine at 10 pounds a week.",
    // Thinking, behaviour and attitudes
    "We completed the consequences exercise from the RAR toolkit. {n} engaged well and could identify the points where {he} could have walked away.",
    "{He} still minimises the offence and blames the victim for the argument. I challenged this and we will return to it.",
    "{He} was able to talk more openly about the offence today and showed some understanding of the harm caused.",
    "We reviewed {his} sentence plan. {He} agreed the objectives are still the right ones.",
    "We talked about {his} peer group. {He} accepts that some of {his} friends are a bad influence and has been spending less time in town.",
    // Risk
    "No new information to indicate an increase in risk.",
    "Risk of serious harm remains as assessed. No current concerns about the victim's safety, but I will keep this under review.",
    "I have spoken to the police domestic abuse unit; no call-outs to the address since the last check.",
};
// Sentences only true of a community or suspended sentence order.
constexpr sv kOrderBodies[] = {
    "{He} has now completed {his} induction at unpaid work and is booked on the Saturday team.",
    "Unpaid work hours are progressing; {n} has about half of the hours left to complete.",
    "We discussed the two late arrivals at unpaid work; {he} understands a further failure will lead to a warning.",
    "{He} has a place on the next Building Choices group, which starts in three weeks.",
    "Today's session counts as a RAR day. We worked on the problem-solving exercise and {n} took a copy home.",
    "Curfew monitoring report shows no violations this month.",
};
// Sentences only true on licence or post-sentence supervision.
constexpr sv kLicenceBodies[] = {
    "Reminded {him} of the licence conditions, in particular the exclusion zone. {He} could describe the boundary accurately.",
    "{n} asked about travelling to see family for a weekend. I explained that this needs my prior approval and will discuss with my SPO.",
    "{He} is settling in at the approved premises; staff report no concerns and {he} is keeping to the curfew.",
    "We talked about how the first weeks since release have gone. {He} says the hardest part is boredom.",
    "Drug test at the approved premises was negative.",
    "I reminded {n} that a further failure to comply could lead to a recall to custody, and {he} said {he} understood.",
};
constexpr sv kClosings[] = {
    "Next appointment booked for next week at the same time.",
    "Next appointment in two weeks; letter given.",
    "Next appointment confirmed and written on {his} card.",
    "No concerns raised today.",
    "{n} left the office without issue.",
    "Appointment card given. Text reminder to be sent the day before.",
    "Will review at the next appointment.",
    "Plan: chase the housing referral, check police systems, and see {n} next week.",
    "Actions: referral to the ETE provider; update sentence plan.",
    "Complied.",
    "Session complied with; next contact is a home visit.",
    "I will update the risk management plan to reflect this.",
};
constexpr sv kInduction[] = {
    "Induction appointment with {n} following sentence at court. I explained the requirements of the order, the "
    "expectations of reporting and the enforcement process, and {he} signed the compact. Discussed the offence "
    "briefly; {he} accepts the basic facts. {He} was given a copy of the requirements and the complaints leaflet.",
    "Induction with {n} on release from custody. Licence conditions read through and explained in full, and {he} "
    "signed to confirm {he} understood them. {He} is living at the approved address. Talked about the first weeks "
    "out, money, and the appointment at the job centre.",
    "First appointment with {n}. Induction completed: reporting instructions, enforcement, equal opportunities and "
    "data protection explained. Initial screening for health, substance use and accommodation done; OASys "
    "assessment booked.",
};
constexpr sv kMissed[] = {
    "{n} failed to attend {his} appointment. Text and phone call with no answer. Letter sent asking for an explanation within 7 days.",
    "Failed to attend. {n} later phoned to say {he} had overslept. Absence recorded as unacceptable; first warning letter sent.",
    "{n} did not attend unpaid work today. {He} has since provided a sick note, so the absence is accepted as acceptable.",
    "Failure to attend by {n}. This is the second unacceptable absence within twelve months of the warning, so breach proceedings will be started. Discussed with my SPO.",
    "{n} did not attend. Home visit attempted the same afternoon; no answer. Police checks show no arrest. Further letter sent.",
};
constexpr sv kEnding[] = {
    "Order terminated on expiry. {n} completed all requirements. Closing summary written and case closed.",
    "Licence expired. Final appointment held with {n}; {he} was thanked for {his} engagement and given details of support services.",
    "Order ended for {n}. Termination summary: good progress with accommodation and work, requirements completed, no further offending known.",
    "{n}'s case closed on the sentence expiry date. Records checked and the case reviewed with my SPO.",
};
constexpr sv kSensitive[] = {
    "Information received from the police (not for disclosure to {n}): intelligence suggests {he} may be in contact with the victim. Risk management plan reviewed with my SPO and a home visit arranged.",
    "MARAC referral made for {n}'s ex-partner following the incident reported last week. The victim liaison officer has been informed.",
    "Children's services confirm {n}'s children are subject to a child protection plan. Next core group meeting is on the 14th; I will attend.",
    "Disclosure from {n} of childhood abuse. Handled sensitively; {he} agreed to a referral for counselling. Not to be shared without {his} consent.",
    "{n} disclosed thoughts of suicide during the session. Safety plan agreed, GP contacted with {his} consent and crisis team number given. Discussed with my SPO the same day.",
    "Information from the prison: {n} was involved in a serious assault on another prisoner before release. Shared with MAPPA coordinator.",
    "Health information: {n} has been diagnosed with a serious condition and has asked that the details are not shared with partner agencies.",
};
constexpr sv kUnallocated[] = {
    "Case received from court for {n}. Awaiting allocation to a practitioner. Court papers and pre-sentence report uploaded.",
    "New case received for {n} following release from custody. Awaiting allocation; initial appointment letter sent with the duty officer's details.",
    "Case awaiting allocation. {n} was seen by the duty officer at court and given reporting instructions.",
};

// One Pool per template array, parsed on first use (function-local statics are
// initialised once, thread-safely).
template <const auto& Texts>
const Pool& pool() {
    static const Pool p(Texts);
    return p;
}

void add_bodies(Random& rng, std::string& out, const NoteSubject& s, int count) {
    // Never the same sentence twice in one note.
    std::uint64_t used = 0;
    for (int i = 0; i < count; ++i) {
        // Practitioners break long notes into paragraphs.
        out += i > 0 && rng.chance(0.3) ? "\n\n" : " ";
        const Pool& specific = s.on_licence ? pool<kLicenceBodies>() : pool<kOrderBodies>();
        const bool use_specific = s.on_licence != s.on_order && rng.chance(0.25);
        const Pool& from = use_specific ? specific : pool<kBodies>();
        std::size_t index = rng.below(from.size());
        const std::uint64_t base = use_specific ? 0 : 8;  // keep the two pools' bits apart
        for (std::size_t step = 0; step < from.size() && ((used >> ((base + index) % 64)) & 1); ++step) {
            index = (index + 1) % from.size();
        }
        used |= std::uint64_t{1} << ((base + index) % 64);
        from.append_at(index, out, s);
    }
}

}  // namespace

std::string compose_note(Random& rng, std::string_view type, NoteKind kind, const NoteSubject& s) {
    std::string out;
    out.reserve(512);
    switch (kind) {
        case NoteKind::induction: pool<kInduction>().append(rng, out, s); return out;
        case NoteKind::missed: pool<kMissed>().append(rng, out, s); return out;
        case NoteKind::ending: pool<kEnding>().append(rng, out, s); return out;
        case NoteKind::unallocated: pool<kUnallocated>().append(rng, out, s); return out;
        case NoteKind::sensitive:
            pool<kSensitive>().append(rng, out, s);
            if (rng.chance(0.4)) add_bodies(rng, out, s, 1);
            return out;
        case NoteKind::routine: break;
    }
    if (type == "email") pool<kEmailNotes>().append(rng, out, s);
    else if (type == "letter") pool<kLetterNotes>().append(rng, out, s);
    else if (type == "text") pool<kTextNotes>().append(rng, out, s);
    else if (type == "other") pool<kOtherNotes>().append(rng, out, s);
    if (!out.empty()) return out;

    const Pool& opening = type == "home_visit" ? pool<kHomeOpen>()
                          : type == "phone"    ? pool<kPhoneOpen>()
                          : type == "video"    ? pool<kVideoOpen>()
                                               : pool<kOfficeOpen>();
    opening.append(rng, out, s);
    // Most notes are a few sentences; about one in eight is long.
    const bool long_note = rng.chance(0.12);
    const int bodies = long_note ? int(rng.between(5, 9)) : type == "phone" ? int(rng.between(0, 2)) : int(rng.between(1, 3));
    add_bodies(rng, out, s, bodies);
    out += long_note ? "\n\n" : " ";
    pool<kClosings>().append(rng, out, s);
    return out;
}

}  // namespace onecase::demo
