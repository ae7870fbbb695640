#pragma once

#include "store/types.h"

#include <QWidget>
#include <optional>

class QLabel;

namespace mlwb {

class ScriptEditor;
class Workspace;

/// A document tab for one environment version: its interpreter, base image
/// and aliases, and the spec it was made from (conda YAML or pip
/// requirements) in the editor, read-only and highlighted.
class EnvironmentPage : public QWidget
{
    Q_OBJECT
public:
    /// `workspace` must outlive this widget.
    EnvironmentPage(Workspace *workspace, Id environmentId, Id versionId,
                    QWidget *parent = nullptr);

    Id versionId() const { return m_versionId; }
    /// "sklearn-env:3"
    QString title() const;
    ScriptEditor *specView() const { return m_spec; }
    QString lastError() const { return m_lastError; }

public Q_SLOTS:
    void refresh();

private:
    Workspace *m_workspace;
    Id m_environmentId, m_versionId;
    QString m_name;
    std::optional<EnvironmentVersion> m_version;
    QString m_lastError;
    QLabel *m_title;
    QLabel *m_facts;
    ScriptEditor *m_spec;
};

} // namespace mlwb
