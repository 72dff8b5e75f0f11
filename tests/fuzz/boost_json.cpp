// Boost.JSON's compiled part for the fuzz targets, so its parser is instrumented
// (the Debian library is built without coverage).
#include <boost/json/src.hpp>
