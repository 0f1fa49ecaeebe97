#include "KeySet.h"

namespace gatehouse::oidc {

QString algorithmName(SignatureAlgorithm algorithm)
{
    switch (algorithm) {
    case SignatureAlgorithm::RS256:
        return QStringLiteral("RS256");
    case SignatureAlgorithm::PS256:
        return QStringLiteral("PS256");
    case SignatureAlgorithm::ES256:
        return QStringLiteral("ES256");
    case SignatureAlgorithm::EdDSA:
        return QStringLiteral("EdDSA");
    }
    return {};
}

std::optional<SignatureAlgorithm> algorithmFromName(QStringView name)
{
    // Exact, case-sensitive names (RFC 7518, RFC 8037): "none", "HS256" and anything else are not verified.
    for (SignatureAlgorithm algorithm :
         {SignatureAlgorithm::RS256, SignatureAlgorithm::PS256, SignatureAlgorithm::ES256, SignatureAlgorithm::EdDSA})
        if (name == algorithmName(algorithm))
            return algorithm;
    return std::nullopt;
}

bool JsonWebKey::allows(SignatureAlgorithm algorithm) const
{
    return m_algorithms.contains(algorithm);
}

Result<KeySet> KeySet::parse(QByteArrayView)
{
    return makeError(ErrorCode::Internal, QStringLiteral("not implemented yet"));
}

const JsonWebKey* KeySet::find(const QString&) const
{
    return nullptr;
}

QStringList KeySet::keyIds() const
{
    QStringList ids;
    for (const JsonWebKey& key : m_keys)
        ids.append(key.keyId());
    return ids;
}

} // namespace gatehouse::oidc
