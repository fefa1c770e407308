package ir.line111.core.domain.agencydesk;

import ir.line111.core.domain.cases.CaseDetail;

import java.util.List;
import java.util.Optional;

/**
 * A case as the agency's liaison needs it: the case (whose national ID the desk shows only when
 * {@code flags.nationalIdNeeded()}), what the supervisor shared, the agency's attachments and its
 * extension requests.
 */
public record AgencyCase(CaseDetail detail, CaseFlags flags, List<Attachment> attachments,
                         List<ExtensionRequest> extensions) {
    public AgencyCase {
        attachments = List.copyOf(attachments);
        extensions = List.copyOf(extensions);
    }

    public Optional<ExtensionRequest> pendingExtension() {
        return extensions.stream().filter(ExtensionRequest::pending).findFirst();
    }
}
