#pragma once

#include <QByteArray>

namespace gatehouse::audit {

// A signed statement that the chain ended at `seq` with hash `chainHash` at `timeMs`, linked to the checkpoint
// before it through that one's signature. Verifiable with the openssl command line:
//   openssl pkeyutl -verify -pubin -inkey public.pem -rawin -in <seq>.msg -sigfile <seq>.sig
struct Checkpoint
{
    qint64 seq = 0;
    qint64 timeMs = 0;
    QByteArray chainHash;     // 32 bytes: hash of event `seq`
    QByteArray prevSignature; // empty for the first checkpoint
    QByteArray signature;     // Ed25519, 64 bytes, over message()

    QByteArray message() const
    {
        return QByteArray("gatehouse-audit-checkpoint v1\nseq: ") + QByteArray::number(seq) +
               "\nchain-hash: " + chainHash.toHex() + "\ntime-ms: " + QByteArray::number(timeMs) +
               "\nprevious-signature: " + (prevSignature.isEmpty() ? QByteArray("none") : prevSignature.toHex()) + "\n";
    }
};

} // namespace gatehouse::audit
