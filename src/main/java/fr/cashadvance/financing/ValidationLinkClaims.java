package fr.cashadvance.financing;

import java.time.Instant;

/**
 * What a validation link may act on, as signed into its token: one financing, the one user task
 * of its process instance, until one instant. The task is named by its process instance and
 * definition key because the email leaves before the task exists (see the BPMN).
 *
 * @param nonce random, so two links for the same task never share a token or a hash
 */
record ValidationLinkClaims(String financingId, String processInstanceId, String taskKey,
                            Instant expiresAt, String nonce) {
}
