#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace mlwb::oci {

/// Which of an environment's packages a base image already has.
struct PackageCheck {
    QStringList present; // "numpy 1.24.2"
    QStringList missing; // "pandas>=2 (not in the base)", "scikit-learn==1.3 (the base has 1.2.1)"
    QStringList missingRequirements; // the same, as written: "pandas>=2", for pip
};

/// Compares requirements ("numpy", "scikit-learn==1.2.1", "pandas>=2") with
/// the packages found in the base's layers (normalized name -> version). A
/// requirement counts as present only when the package is there in a
/// version that satisfies it; anything it cannot read counts as missing.
PackageCheck checkPackages(const QStringList &requirements,
                           const QMap<QString, QString> &installed);

} // namespace mlwb::oci
