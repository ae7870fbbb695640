#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <memory>

namespace mlwb {

struct RunQueryNode;

/// Why a run query did not parse, and where (for underlining the token).
struct RunQueryError {
    QString message;   // e.g. "expected a value after '>' at column 21" (columns 1-based)
    int position = -1; // 0-based offset of the bad token; the text length at its end
    int length = 0;
};

/// The fields of one run as a query sees them, keyed as RunQuery::fields()
/// names them: "status", "duration", "metrics.loss", "metrics.loss.min",
/// "params.lr", ... An invalid QVariant means the run has no such field.
/// Give either values or lookup (lookup wins when set).
struct RunQueryRow {
    QHash<QString, QVariant> values;
    std::function<QVariant(const QString &field)> lookup;

    QVariant value(const QString &field) const
    {
        return lookup ? lookup(field) : values.value(field);
    }
};

/// A parsed filter for the runs table, e.g.
/// `metrics.accuracy > 0.9 and (tags.model = "cnn" or params.lr < 0.01)`.
/// Parse once, then test each run with matches(). The language is described
/// in the README ("Filter language"). Cheap to copy.
class RunQuery
{
public:
    /// The empty query: matches every run.
    RunQuery();
    /// Parses text. On error fills error (if given) and returns an invalid
    /// query that matches no run, so a typo never selects everything.
    static RunQuery parse(const QString &text, RunQueryError *error = nullptr);

    bool isValid() const { return m_valid; }
    bool isEmpty() const { return m_valid && !m_root; }
    QString text() const { return m_text; }
    /// Field keys the query reads, in order of first use, without repeats.
    QStringList fields() const { return m_fields; }
    bool matches(const RunQueryRow &row) const;

private:
    QString m_text;
    std::shared_ptr<const RunQueryNode> m_root;
    QStringList m_fields;
    bool m_valid = true;
};

} // namespace mlwb
