// A flag declared in a header other translation units include: changing its
// type here alone would not change theirs.
extern bool header_flag;
