#pragma once

#include "store/types.h"

#include <QSqlDatabase>
#include <optional>

namespace mlwb {

class Workspace;

/// Named groups of runs.
class Experiments
{
public:
    explicit Experiments(const Workspace &workspace);

    /// All experiments with their top-level run counts, by name.
    QList<Experiment> list(QString *error = nullptr) const;
    std::optional<Experiment> find(const QString &name, QString *error = nullptr) const;
    std::optional<Experiment> find(Id id, QString *error = nullptr) const;
    /// Creates an experiment; sets experiment->id. Fails if the name is taken.
    bool create(Experiment *experiment, QString *error);
    /// The experiment with this name, created when missing (as submitting a run does).
    std::optional<Experiment> findOrCreate(const QString &name, QString *error);
    /// Deletes an experiment with all its runs and their metrics.
    bool remove(const QString &name, QString *error);

private:
    QSqlDatabase m_db;
};

/// Experiment names: 1 to 255 characters, letters, digits, '-', '_', '.', spaces.
bool isValidExperimentName(const QString &name, QString *error);

} // namespace mlwb
