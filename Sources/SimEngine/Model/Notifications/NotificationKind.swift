/// The type of a notification, named as the product names it.
///
/// A scenario may use any name; the built-in ones cover the specs' types.
public struct NotificationKind: RawRepresentable, Hashable, Codable, Sendable, ExpressibleByStringLiteral {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    // The marketplace's ten types.
    public static let newJob: NotificationKind = "new_job"
    public static let newQuote: NotificationKind = "new_quote"
    public static let quoteAccepted: NotificationKind = "quote_accepted"
    public static let quoteRejected: NotificationKind = "quote_rejected"
    public static let jobStarted: NotificationKind = "job_started"
    public static let jobCompleted: NotificationKind = "job_completed"
    public static let paymentReceived: NotificationKind = "payment_received"
    public static let newMessage: NotificationKind = "new_message"
    public static let newReview: NotificationKind = "new_review"
    public static let system: NotificationKind = "system"
    // The B2B portal's order and payment types, and broadcast announcements.
    public static let orderUpdate: NotificationKind = "order_update"
    public static let paymentReminder: NotificationKind = "payment_reminder"
    public static let announcement: NotificationKind = "announcement"

    /// The marketplace spec's ten types.
    public static let marketplace: [NotificationKind] = [
        .newJob, .newQuote, .quoteAccepted, .quoteRejected, .jobStarted, .jobCompleted, .paymentReceived,
        .newMessage, .newReview, .system,
    ]
}
