/// The version of simrun, as `simrun --version` prints it and every trace's header records it.
public enum ProductVersion {
    /// This build's version.
    public static let current = "0.6.0"
}
