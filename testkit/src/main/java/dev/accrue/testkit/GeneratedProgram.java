package dev.accrue.testkit;

/** One generated program document: its file name ({@code <program id>.yaml}) and its YAML text. */
public record GeneratedProgram(String fileName, String yaml) {}
