public import SimSupport

/// A way a notification reaches a user.
public enum NotificationChannel: String, Codable, ConfigurationChoice, CaseIterable, Sendable {
    /// Over the user's live connection, if any.
    case realtime
    /// Through an email provider.
    case email
    /// Through a mobile or web push provider.
    case push
}
