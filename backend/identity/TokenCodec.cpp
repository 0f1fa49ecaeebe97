#include "TokenCodec.h"

#include "core/Encoding.h"
#include "crypto/Digest.h"
#include "crypto/Random.h"

namespace gatehouse::identity {

namespace {

constexpr qsizetype kBodyLength = 52; // base32 of 32 bytes
constexpr qsizetype kChecksumLength = 6;

QString checksum(const QString& prefixAndBody)
{
    const quint32 crc = encoding::crc32(prefixAndBody.toLatin1());
    const char raw[4] = {static_cast<char>(crc >> 24), static_cast<char>(crc >> 16), static_cast<char>(crc >> 8),
                         static_cast<char>(crc)};
    const QByteArray bytes(raw, 4);
    return encoding::base32(bytes).left(kChecksumLength);
}

} // namespace

QString TokenCodec::prefix(Kind kind)
{
    return kind == Kind::Session ? QStringLiteral("ghs_") : QStringLiteral("ghi_");
}

Result<TokenCodec::Issued> TokenCodec::issue(Kind kind)
{
    auto random = crypto::randomBytes(32);
    if (!random)
        return random.error();
    const QString head = prefix(kind) + encoding::base32(random.value());
    Issued issued;
    issued.text = head + checksum(head);
    issued.hash = hashOf(issued.text);
    issued.hint = issued.text.left(12);
    return issued;
}

std::optional<TokenCodec::Kind> TokenCodec::parse(const QString& text)
{
    if (text.size() != 4 + kBodyLength + kChecksumLength)
        return std::nullopt;
    std::optional<Kind> kind;
    for (Kind k : {Kind::Session, Kind::Integration}) {
        if (text.startsWith(prefix(k)))
            kind = k;
    }
    if (!kind)
        return std::nullopt;
    for (QChar c : QStringView(text).mid(4)) {
        if (!((c >= u'a' && c <= u'z') || (c >= u'2' && c <= u'7')))
            return std::nullopt;
    }
    const QString head = text.left(4 + kBodyLength);
    if (checksum(head) != text.right(kChecksumLength))
        return std::nullopt;
    return kind;
}

QByteArray TokenCodec::hashOf(const QString& text)
{
    return crypto::sha256(text.toLatin1());
}

} // namespace gatehouse::identity
