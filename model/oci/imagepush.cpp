#include "oci/imagepush.h"

#include <QCoreApplication>

namespace mlwb {

// Replaced by the registry client (issue 12): declared first so the image
// page's Push… can be built against it.
bool pushImage(const Workspace &, const PushRequest &, const oci::CancelCheck &,
               const std::function<void(const QString &)> &, PushResult *, QString *error)
{
    if (error)
        *error = QCoreApplication::translate("mlwb::ImagePush",
                                             "Pushing images is not available in this build.");
    return false;
}

} // namespace mlwb
