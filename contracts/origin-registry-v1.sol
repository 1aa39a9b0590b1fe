// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title Origin Lens content registry
/// @notice A registrant states "I had this content (hash) at this time", optionally "it is AI-generated".
/// Records are keyed by (contentHash, registrant), so nothing another address does can hide, overwrite or
/// outnumber a registrant's own record: trust is decided off-chain from a list of registrant addresses.
///
/// Entry (80 bits; `lookup` returns it as a uint256, 0 = no record):
///   bits 16..79  time   (uint64, block.timestamp of the registrant's FIRST registration of this hash)
///   bits  8..15  kind   (uint8: 0 = SHA-256 of bytes, 1 = PDQ, 2 = SHA-256 of collapsed text)
///   bits  0..7   flags  (uint8: bit0 aiGenerated, bit1 revoked)
/// block.timestamp is never 0 on a live chain, so a stored entry is never 0.
///
/// Storage: the FIRST registrant of a hash is stored in the hash's head slot together with the count:
///   head = registrant (160 bits) << 96 | entry (80 bits) << 16 | count (16 bits)
/// and every later registrant in `entries[hash][registrant]`. Registering new content (the common case: a
/// publisher registering its own work) then costs one fresh storage slot instead of two (entry + count), about
/// half the gas. Being first brings no privilege: each registrant only ever writes the part that is its own.
/// The count is the number of distinct registrants that ever registered the hash; it saturates at 65535
/// (spam can only raise a number) and is never decremented, so count - (records found for the queried
/// registrants) = registrations by everyone else.
///
/// Re-registration by the same registrant: allowed while not revoked, with the same kind. It keeps the first
/// time (the time is the claim of prior possession; refreshing it would weaken it), may ADD the aiGenerated flag
/// but never clears it (an AI declaration cannot be quietly withdrawn; withdraw by revoking), and emits a new
/// `Registered` event so the latest uri / manifest hash can be read from the logs. It does not raise the count.
/// Revocation is final for that (hash, registrant): a leaked key cannot resurrect revoked records.
contract OriginRegistry {
    /// @notice Largest batch accepted by `registerBatch` / `revokeBatch`; keeps one tx well under block gas limits.
    uint256 public constant MAX_BATCH = 256;

    uint8 internal constant KIND_MAX = 2;
    uint8 internal constant FLAG_AI = 1;
    uint8 internal constant FLAG_REVOKED = 2;
    uint256 internal constant ENTRY_MASK = (1 << 80) - 1;
    uint256 internal constant COUNT_MASK = 0xffff;
    uint256 internal constant HEAD_ENTRY_MASK = ENTRY_MASK << 16;

    /// contentHash => first registrant | its entry | count (see above)
    mapping(bytes32 => uint256) internal heads;
    /// contentHash => registrant => entry, for every registrant but the first
    mapping(bytes32 => mapping(address => uint256)) internal entries;

    /// `time` repeats the record's (first) time so log readers need no block lookups; `flags` is the state after
    /// this registration (bit0 aiGenerated), so a log-synced index mirrors storage.
    event Registered(
        bytes32 indexed contentHash,
        address indexed registrant,
        uint8 indexed kind,
        uint64 time,
        uint8 flags,
        bytes32 c2paManifestHash,
        string uri
    );
    event Revoked(bytes32 indexed contentHash, address indexed registrant, uint8 indexed kind);

    error EmptyBatch();
    error BatchTooLarge(uint256 length, uint256 max);
    error LengthMismatch();
    error ZeroHash();
    error InvalidKind(uint8 kind);
    error InvalidFlags(uint8 flags);
    error KindMismatch(bytes32 contentHash, uint8 registeredKind, uint8 kind);
    error RecordRevoked(bytes32 contentHash);
    error NotRegistered(bytes32 contentHash);

    /// @param flags only bit0 (aiGenerated) may be set by a caller; the revoked bit is set by `revoke` alone.
    function register(bytes32 contentHash, uint8 kind, uint8 flags, bytes32 c2paManifestHash, string calldata uri)
        external
    {
        _register(contentHash, kind, flags, c2paManifestHash, uri);
    }

    /// @notice Registers 1..MAX_BATCH hashes. `c2paManifestHashes` and `uris` may be empty (= none for every
    /// item) to save calldata; otherwise every array must have the length of `contentHashes`. One bad item
    /// reverts the whole batch.
    function registerBatch(
        bytes32[] calldata contentHashes,
        uint8[] calldata kinds,
        uint8[] calldata flags,
        bytes32[] calldata c2paManifestHashes,
        string[] calldata uris
    ) external {
        uint256 n = contentHashes.length;
        if (n == 0) revert EmptyBatch();
        if (n > MAX_BATCH) revert BatchTooLarge(n, MAX_BATCH);
        if (kinds.length != n || flags.length != n) revert LengthMismatch();
        bool hasManifests = c2paManifestHashes.length != 0;
        bool hasUris = uris.length != 0;
        if ((hasManifests && c2paManifestHashes.length != n) || (hasUris && uris.length != n)) {
            revert LengthMismatch();
        }
        for (uint256 i = 0; i < n; ++i) {
            _register(
                contentHashes[i],
                kinds[i],
                flags[i],
                hasManifests ? c2paManifestHashes[i] : bytes32(0),
                hasUris ? uris[i] : ""
            );
        }
    }

    /// @notice Marks the caller's own record as revoked. Only the caller's entry is reachable: there is no way to
    /// name another registrant.
    function revoke(bytes32 contentHash) external {
        _revoke(contentHash);
    }

    function revokeBatch(bytes32[] calldata contentHashes) external {
        uint256 n = contentHashes.length;
        if (n == 0) revert EmptyBatch();
        if (n > MAX_BATCH) revert BatchTooLarge(n, MAX_BATCH);
        for (uint256 i = 0; i < n; ++i) {
            _revoke(contentHashes[i]);
        }
    }

    /// @notice Batch view for readers: one eth_call for a whole page.
    /// @return packed hash-major matrix: packed[i * registrants.length + j] = entry of hashes[i] by registrants[j]
    /// @return counts counts[i] = number of distinct registrants that registered hashes[i] (saturates at 65535)
    function lookup(bytes32[] calldata hashes, address[] calldata registrants)
        external
        view
        returns (uint256[] memory packed, uint256[] memory counts)
    {
        uint256 h = hashes.length;
        uint256 r = registrants.length;
        packed = new uint256[](h * r);
        counts = new uint256[](h);
        for (uint256 i = 0; i < h; ++i) {
            bytes32 contentHash = hashes[i];
            uint256 head = heads[contentHash];
            // Nobody registered this hash (the common case on a page): one storage read, nothing else.
            if (head == 0) continue;
            counts[i] = head & COUNT_MASK;
            address first = address(uint160(head >> 96));
            uint256 base = i * r;
            for (uint256 j = 0; j < r; ++j) {
                address who = registrants[j];
                packed[base + j] = who == first ? (head >> 16) & ENTRY_MASK : entries[contentHash][who];
            }
        }
    }

    function _register(bytes32 contentHash, uint8 kind, uint8 flags, bytes32 c2paManifestHash, string memory uri)
        internal
    {
        if (contentHash == bytes32(0)) revert ZeroHash();
        if (kind > KIND_MAX) revert InvalidKind(kind);
        if (flags & ~FLAG_AI != 0) revert InvalidFlags(flags);

        uint256 head = heads[contentHash];
        uint64 time = uint64(block.timestamp);
        uint8 newFlags = flags;
        if (head == 0) {
            heads[contentHash] = (uint256(uint160(msg.sender)) << 96) | (_entry(time, kind, newFlags) << 16) | 1;
        } else if (address(uint160(head >> 96)) == msg.sender) {
            (time, newFlags) = _update(contentHash, (head >> 16) & ENTRY_MASK, kind, flags);
            heads[contentHash] = (head & ~HEAD_ENTRY_MASK) | (_entry(time, kind, newFlags) << 16);
        } else {
            uint256 entry = entries[contentHash][msg.sender];
            if (entry == 0) {
                if (head & COUNT_MASK != COUNT_MASK) heads[contentHash] = head + 1;
            } else {
                (time, newFlags) = _update(contentHash, entry, kind, flags);
            }
            entries[contentHash][msg.sender] = _entry(time, kind, newFlags);
        }
        emit Registered(contentHash, msg.sender, kind, time, newFlags, c2paManifestHash, uri);
    }

    /// Re-registration rules (see the contract comment): same kind, not revoked, first time kept, AI only added.
    function _update(bytes32 contentHash, uint256 entry, uint8 kind, uint8 flags)
        internal
        pure
        returns (uint64 time, uint8 newFlags)
    {
        uint8 oldKind = uint8(entry >> 8);
        uint8 oldFlags = uint8(entry);
        if (oldFlags & FLAG_REVOKED != 0) revert RecordRevoked(contentHash);
        if (oldKind != kind) revert KindMismatch(contentHash, oldKind, kind);
        return (uint64(entry >> 16), oldFlags | flags);
    }

    function _revoke(bytes32 contentHash) internal {
        uint256 head = heads[contentHash];
        bool isFirst = head != 0 && address(uint160(head >> 96)) == msg.sender;
        uint256 entry = isFirst ? (head >> 16) & ENTRY_MASK : entries[contentHash][msg.sender];
        if (entry == 0) revert NotRegistered(contentHash);
        if (uint8(entry) & FLAG_REVOKED != 0) revert RecordRevoked(contentHash);
        if (isFirst) {
            heads[contentHash] = head | (uint256(FLAG_REVOKED) << 16);
        } else {
            entries[contentHash][msg.sender] = entry | FLAG_REVOKED;
        }
        emit Revoked(contentHash, msg.sender, uint8(entry >> 8));
    }

    function _entry(uint64 time, uint8 kind, uint8 flags) internal pure returns (uint256) {
        return (uint256(time) << 16) | (uint256(kind) << 8) | uint256(flags);
    }
}
