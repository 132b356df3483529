-- interaction extension, version 1.0
-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION interaction" to load this file. \quit
