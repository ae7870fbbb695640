#pragma once

#include "store/types.h"

#include <QSqlDatabase>
#include <optional>

namespace mlwb {

class Workspace;

/// Named pipelines: steps, each a script on a compute target, that may
/// depend on other steps of the same pipeline by name. The dependencies form
/// a graph without cycles; create() refuses anything else.
class Pipelines
{
public:
    explicit Pipelines(const Workspace &workspace);

    /// All pipelines by name, without their steps.
    QList<Pipeline> list(QString *error = nullptr) const;
    /// A pipeline with its steps in position order.
    std::optional<Pipeline> find(const QString &name, QString *error = nullptr) const;
    /// Creates a pipeline and its steps in one transaction; sets p->id,
    /// p->createdAt and each step's id, pipelineId and position (its index).
    /// Step names must be unique, dependencies must name steps of the same
    /// pipeline and must not form a cycle.
    bool create(Pipeline *p, QString *error);
    /// Deletes a pipeline and its steps; its past runs stay. Refuses while
    /// runs of the pipeline are unfinished.
    bool remove(const QString &name, QString *error);

private:
    QSqlDatabase m_db;
};

} // namespace mlwb
