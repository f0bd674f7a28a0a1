package fr.cashadvance.business;

public enum ConnectionStatus {
    CONNECTED,
    DISCONNECTED,
    BLOCKED
}
