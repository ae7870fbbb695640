#pragma once

#include <QSettings>

namespace mlwb {

/// The user's view settings, in the same file as the main window's
/// (QSettings() alone would need an organization name the app does not set).
inline QSettings appSettings()
{
    return QSettings(QStringLiteral("mlwb"), QStringLiteral("mlwb"));
}

} // namespace mlwb
