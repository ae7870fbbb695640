#include "images/pathfield.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace mlwb {

PathField::PathField(Kind kind, const QString &dialogTitle, const QString &filter, QWidget *parent)
    : QWidget(parent)
    , m_kind(kind)
    , m_title(dialogTitle)
    , m_filter(filter)
    , m_edit(new QLineEdit(this))
{
    m_edit->setPlaceholderText(tr("none"));
    m_edit->setClearButtonEnabled(true);
    auto *browse = new QPushButton(tr("Browse…"), this);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(browse);
    connect(m_edit, &QLineEdit::textChanged, this, &PathField::pathChanged);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString chosen = m_kind == Folder
                                   ? QFileDialog::getExistingDirectory(this, m_title, path())
                                   : QFileDialog::getOpenFileName(this, m_title, path(), m_filter);
        if (!chosen.isEmpty())
            m_edit->setText(chosen);
    });
}

QString PathField::path() const
{
    const QString text = m_edit->text().trimmed();
    return text.isEmpty() ? QString() : QFileInfo(text).absoluteFilePath();
}

void PathField::setPath(const QString &path)
{
    m_edit->setText(path);
}

} // namespace mlwb
