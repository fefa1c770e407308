package ir.line111.core.domain.agencies;

import java.util.List;
import java.util.Optional;

/** The agencies an administrator keeps. Names are unique. */
public interface AgencyDirectory {
    /** By name; inactive ones only when asked. */
    List<Agency> list(boolean includeInactive);

    Optional<Agency> find(long id);

    /** @throws IllegalArgumentException for an empty or taken name */
    Agency add(String name);

    /** @throws IllegalArgumentException for an unknown id, an empty or taken name */
    Agency update(long id, String name, boolean active);

    /**
     * Sets the prompt the IVR says for the agency (a catalogue key starting {@code agency-}), or
     * none with null. A rename keeps it.
     * @throws IllegalArgumentException for an unknown id or a key that is not an agency prompt's
     */
    Agency assignPrompt(long id, String promptKey);
}
