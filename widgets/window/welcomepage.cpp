#include "window/welcomepage.h"

#include "items/taxonomymodel.h"
#include "store/workspace.h"

#include <QDesktopServices>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace mlwb {

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_body(new QLabel(this))
    , m_sampleButton(new QPushButton(tr("Open the Sample Project"), this))
{
    setObjectName(QStringLiteral("welcomePage"));
    QFont big = m_heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    m_heading->setFont(big);
    m_heading->setTextFormat(Qt::PlainText);
    m_body->setTextFormat(Qt::RichText);
    m_body->setWordWrap(true);
    m_body->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sampleButton->setObjectName(QStringLiteral("openSampleButton"));
    connect(m_sampleButton, &QPushButton::clicked, this,
            [this] { Q_EMIT sampleRequested(sampleFolder()); });
    auto *column = new QVBoxLayout;
    column->setSpacing(14);
    column->addWidget(m_heading);
    column->addWidget(m_body);
    column->addWidget(m_sampleButton, 0, Qt::AlignLeft);
    column->addStretch();
    auto *outer = new QHBoxLayout(this);
    outer->setContentsMargins(48, 40, 48, 24);
    outer->addLayout(column, 0);
    outer->addStretch();
    column->setSizeConstraint(QLayout::SetDefaultConstraint);
    m_body->setMaximumWidth(640);
}

void WelcomePage::setWorkspace(const Workspace *workspace, const TaxonomyModel *model)
{
    m_workspace = workspace;
    m_model = model;
    refresh();
}

void WelcomePage::refresh()
{
    if (!m_workspace) {
        m_heading->setText(tr("No workspace open"));
        m_body->setText(tr("Create a workspace with <b>File ▸ New Workspace…</b> or open one "
                           "with <b>File ▸ Open Workspace…</b>."));
        m_sampleButton->hide();
        return;
    }
    m_heading->setText(m_workspace->name());
    QString counts;
    for (int g = 0; g < groupCount; ++g) {
        counts += QStringLiteral("<tr><td>%1</td><td align=\"right\">&nbsp;&nbsp;%2</td></tr>")
                      .arg(groupLabel(Group(g)).toHtmlEscaped())
                      .arg(m_model ? m_model->groupItemCount(Group(g)) : 0);
    }
    const bool hasSample = QDir(sampleFolder()).exists();
    QString body = tr("<p style=\"color:#707070\">%1</p>")
                       .arg(QDir::toNativeSeparators(m_workspace->path()).toHtmlEscaped());
    body += QStringLiteral("<table cellspacing=\"2\">%1</table>").arg(counts);
    body += hasSample ? tr("<p>Open the sample project to see how a training script logs "
                           "metrics, then submit it as your first run.</p>")
                      : tr("<p>Pick an item in the workspace tree to see its properties.</p>");
    m_body->setText(body);
    m_sampleButton->setVisible(hasSample);
}

QString WelcomePage::text() const
{
    return m_heading->text() + QLatin1Char('\n') + m_body->text();
}

QString WelcomePage::sampleFolder() const
{
    return m_workspace ? QDir(m_workspace->folder(Workspace::Folder::Projects))
                             .filePath(QStringLiteral("sample"))
                       : QString();
}

} // namespace mlwb
