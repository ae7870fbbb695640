// mlwb-complete KIND [PREFIX] [--workspace DIR]: the workspace values shell
// completion offers, as `mlwb __complete` prints them, from a program that
// links the core's SQLite and QtCore only. Loading mlwb's GUI libraries
// alone takes longer than a Tab press should.
#include "completer.h"

int main(int argc, char *argv[])
{
    return mlwb::runCompletion(argc, argv, 1);
}
