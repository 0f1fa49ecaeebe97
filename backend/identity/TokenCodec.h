#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

namespace gatehouse::identity {

// Bearer tokens: "<prefix>_<52 base32 characters: 256 random bits><6 base32 characters: CRC-32>".
// The prefix tells what a leaked token is (and lets secret scanners find it); the checksum lets a scanner or
// the server reject a mistyped token without a store lookup. Only the SHA-256 of a token is ever stored.
class TokenCodec
{
public:
    enum class Kind { Session, Integration };

    struct Issued
    {
        QString text;    // shown once to its owner
        QByteArray hash; // SHA-256 of the text: the only thing kept
        QString hint;    // the first 12 characters, to recognise a token in lists
    };

    static Result<Issued> issue(Kind kind);
    // The kind, when `text` is well formed (prefix, length, alphabet, checksum); nullopt otherwise.
    static std::optional<Kind> parse(const QString& text);
    static QByteArray hashOf(const QString& text);
    static QString prefix(Kind kind);
};

} // namespace gatehouse::identity
