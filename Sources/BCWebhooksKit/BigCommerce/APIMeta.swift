/// The `meta` of a v3 response; only pagination is read.
struct APIMeta: Decodable, Sendable {
    /// Pagination of a list response, when present.
    var pagination: Pagination?

    /// Where a list page sits among all pages.
    struct Pagination: Decodable, Sendable {
        /// The page number of this response (1-based).
        var currentPage: Int?
        /// How many pages there are.
        var totalPages: Int?

        /// BigCommerce's snake_case keys.
        enum CodingKeys: String, CodingKey {
            case currentPage = "current_page"
            case totalPages = "total_pages"
        }
    }
}
