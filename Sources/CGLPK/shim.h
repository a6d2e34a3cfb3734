// Debian's libglpk-dev installs glpk.h in the standard include directory.
#include <glpk.h>
