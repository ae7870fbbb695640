#pragma once

#include "oci/layerwriter.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace mlwb::oci {

/// The tags of a wheel's file name (PEP 427):
/// NAME-VERSION(-BUILD)?-PYTHON-ABI-PLATFORM.whl; each tag may be a
/// dot-separated set ("py2.py3").
struct WheelName {
    QString name;    // as in the file name ("scikit_learn")
    QString version; // "1.3.0"
    QStringList python, abi, platform;
    QString tag() const; // "py3-none-any"
};

/// Parses a wheel file name; false with why when it is not one.
bool parseWheelName(const QString &fileName, WheelName *out, QString *error);

/// True when a wheel with these tags installs into CPython `pythonVersion`
/// ("3.11") on `architecture` (the OCI name: amd64, arm64, ...), the way
/// pip decides: pure py3/py3X wheels for X up to the minor version, cp3X
/// with abi3 or none for X up to it, cp3X with a cp3X ABI only for exactly
/// it, platform "any" or a Linux platform for the architecture.
bool wheelFits(const WheelName &wheel, const QString &pythonVersion, const QString &architecture);

/// A layer made from a folder of wheels, laid out as `pip install --target
/// SITE` leaves it: each wheel's files under the site-packages folder, its
/// NAME.data/purelib and platlib there too, data/scripts under usr/local
/// (scripts executable), headers left out.
struct WheelLayer {
    QList<LayerFile> files;          // unpacked into `unpackDir`, read from there
    QMap<QString, QString> packages; // normalized name -> version, for the package check
    QStringList wheels;              // the wheels' file names, sorted
};

/// The base's folder for installed packages: Debian's Python reads
/// /usr/local/lib/python3.X/dist-packages, the python.org builds
/// site-packages. Decided from the base's own layers (`debianPython`).
QString sitePackagesFor(const QString &pythonVersion, bool debianPython);

/// The wheels in `folder` by name, sorted; false with why when there are
/// none, or one is not a wheel or does not fit the base's Python (read
/// from the file names only: quick enough for a wizard page).
bool checkWheelFolder(const QString &folder, const QString &pythonVersion,
                      const QString &architecture, QList<WheelName> *out, QString *error);

/// Reads every *.whl in `folder` (zip, with libarchive) and unpacks it
/// under `unpackDir`. Any wheel whose tags do not fit the base is refused,
/// naming the tag and the base's Python; so is an empty folder.
bool readWheelFolder(const QString &folder, const QString &pythonVersion,
                     const QString &architecture, const QString &sitePackages,
                     const QString &unpackDir, WheelLayer *out, QString *error);

} // namespace mlwb::oci
