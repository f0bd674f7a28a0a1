package fr.cashadvance.invoice.einvoice;

import java.util.List;
import java.util.Objects;

/**
 * A seller or buyer as the e-invoice names it.
 *
 * <p>{@code siren}, {@code siret} and {@code vatNumber} are extracted, not validated: a checksum
 * check belongs to the caller. {@code otherIds} holds every other identifier the party carries,
 * as {@code scheme:value} (or the bare value when the file gives no scheme), e.g.
 * {@code 0225:999999998_042}, {@code EM:moi@seller.com}, {@code FC:22/815/0815/4}.
 */
public record Party(
        String name,
        String siren,
        String siret,
        String vatNumber,
        String countryCode,
        List<String> otherIds) {

    public Party {
        Objects.requireNonNull(name, "name");
        otherIds = otherIds == null ? List.of() : List.copyOf(otherIds);
    }
}
