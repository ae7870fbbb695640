#pragma once

#include "items/taxonomyitem.h"

#include <QHash>
#include <vector>

namespace mlwb {

class Workspace;

/// Runs in flight on one compute target.
struct TargetRunCounts {
    int running = 0; // Preparing, Running or Finalizing
    int queued = 0;
};

/// Reads the nodes of the workspace taxonomy from the store, one level at a
/// time, so the taxonomy model loads only what the user has expanded.
class TaxonomyLoader
{
public:
    explicit TaxonomyLoader(const Workspace &workspace);

    /// How many items each group holds (experiments: their number, not runs).
    bool counts(QHash<Group, int> *out, QString *error) const;
    /// The items of a group, in the order the tree shows them.
    bool groupItems(Group group, std::vector<TaxonomyItem> *out, QString *error) const;
    /// Runs under `parentId` (0: top level) of an experiment, newest first.
    bool runs(Id experimentId, Id parentId, int offset, int limit, std::vector<TaxonomyItem> *out,
              QString *error) const;
    int runCount(Id experimentId, Id parentId, QString *error) const;
    /// Versions of a model or environment, steps of a pipeline.
    bool children(const TaxonomyItem &parent, std::vector<TaxonomyItem> *out, QString *error) const;

    /// Runs in flight per compute target id (targets without any are left out).
    bool targetRunCounts(QHash<Id, TargetRunCounts> *out, QString *error) const;
    /// "2 running, 1 queued", "1 running"; empty when nothing is in flight.
    static QString formatRunCounts(const TargetRunCounts &counts);

    /// "1h 02m", "3m 05s", "12s": a run's duration as the tree shows it.

private:
    bool targets(std::vector<TaxonomyItem> *out, QString *error) const;
    bool datastores(std::vector<TaxonomyItem> *out, QString *error) const;
    bool experiments(std::vector<TaxonomyItem> *out, QString *error) const;
    bool models(std::vector<TaxonomyItem> *out, QString *error) const;
    bool environments(std::vector<TaxonomyItem> *out, QString *error) const;
    bool images(std::vector<TaxonomyItem> *out, QString *error) const;
    bool imageVersions(const TaxonomyItem &parent, std::vector<TaxonomyItem> *out,
                       QString *error) const;
    bool deployments(std::vector<TaxonomyItem> *out, QString *error) const;
    bool pipelines(std::vector<TaxonomyItem> *out, QString *error) const;
    bool countBy(const QString &sql, const QVariant &bound, QHash<Id, int> *out,
                 QString *error) const;

    const Workspace &m_workspace;
};

} // namespace mlwb
