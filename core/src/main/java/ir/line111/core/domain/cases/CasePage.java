package ir.line111.core.domain.cases;

import java.util.List;

/** One page of a case search; {@code hasMore} when a next page exists. */
public record CasePage(List<CaseListItem> items, int page, int size, boolean hasMore) {
    public CasePage {
        items = List.copyOf(items);
    }
}
