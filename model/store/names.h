#pragma once

#include <QString>

// The one place that says which names the store accepts.
namespace mlwb::names {

/// What a name may be made of.
enum class Rule {
    /// 1 to 255 letters, digits, '-', '_' or '.', starting with a letter or
    /// digit: models, environments and other versioned assets.
    Asset,
    /// The same in 1 to 64 characters: compute targets, deployments, aliases.
    Short,
    /// Up to 255 letters, digits, spaces, '-', '_' or '.', no space at either
    /// end: pipelines and their steps.
    Spaced,
};

bool isValid(const QString &name, Rule rule);
/// isValid(), else sets *error to `message` with the name as %1.
bool check(const QString &name, Rule rule, const QString &message, QString *error);

} // namespace mlwb::names
