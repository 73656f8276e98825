package com.acme;
public class Tool { public static void use(final int count, String label) {} }
