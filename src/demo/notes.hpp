#pragma once
// Contact notes written the way practitioners write them, composed from sentence
// templates. Cheap by design (tens of millions are made for the national load):
// templates are parsed once into pieces, and a note is a few appends.
#include <string>
#include <string_view>

#include "demo/random.hpp"

namespace onecase::demo {

enum class NoteKind {
    routine,      // an ordinary supervision contact of the given type
    induction,    // the first appointment after sentence or release
    missed,       // failed to attend
    ending,       // the order or licence has ended
    sensitive,    // third-party or safeguarding information, hidden from partners
    unallocated,  // case received, awaiting allocation
};

struct NoteSubject {
    std::string_view first_name;
    bool female = false;
    bool on_order = false;    // community or suspended sentence order
    bool on_licence = false;  // licence or post-sentence supervision
};

// A note for a contact of `type` (a contacts::contact_types() code). Always
// non-empty, names the person by first name, and ranges from one line to several
// paragraphs.
std::string compose_note(Random& rng, std::string_view type, NoteKind kind, const NoteSubject& subject);

}  // namespace onecase::demo
