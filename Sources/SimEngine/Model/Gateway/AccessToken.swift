public import SimRuntime

/// The credential a client presents when it connects.
public struct AccessToken: Equatable, Sendable {
    /// The user the token was issued to.
    public var user: Int
    /// When the token stops being valid.
    public var expiresAt: SimulationInstant
    /// Whether the token's signature checks out (a forged or corrupted token does not).
    public var isSignatureValid: Bool

    public init(user: Int, expiresAt: SimulationInstant, isSignatureValid: Bool = true) {
        self.user = user
        self.expiresAt = expiresAt
        self.isSignatureValid = isSignatureValid
    }

    /// Why a gateway refuses a token.
    public enum Rejection: String, Error, Equatable, Sendable {
        case invalidSignature = "invalid_signature"
        case expired
    }

    /// Checks the token at `time`: the user it authenticates, or why not.
    public func authenticate(at time: SimulationInstant) -> Result<Int, Rejection> {
        guard isSignatureValid else { return .failure(.invalidSignature) }
        guard time < expiresAt else { return .failure(.expired) }
        return .success(user)
    }
}
