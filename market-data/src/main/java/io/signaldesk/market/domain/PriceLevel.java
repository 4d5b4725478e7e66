package io.signaldesk.market.domain;

import java.math.BigDecimal;
import java.util.Objects;


/** One L2 level. A size of zero in an update means "remove this level". */
public record PriceLevel(BigDecimal price, BigDecimal size) {

    public PriceLevel {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(size, "size");
        if (price.signum() <= 0) {
            throw new IllegalArgumentException("price must be positive: " + VenueDecimal.shortText(price));
        }
        if (size.signum() < 0) {
            throw new IllegalArgumentException("size must not be negative: " + VenueDecimal.shortText(size));
        }
        VenueDecimal.check("price", price);
        VenueDecimal.check("size", size);
    }

    public static PriceLevel of(String price, String size) {
        return new PriceLevel(new BigDecimal(price), new BigDecimal(size));
    }
}
