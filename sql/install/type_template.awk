# sql/install/type_template.awk: copies an install part, replacing each line
#	-- @NAME TYPE CSYM [option ...]
# with the template sql/install/NAME.sql.in (the folder passed as -v dir=PATH)
# for TYPE, whose C functions are CSYM_*.  A template line that starts with
# @OPTION@ is kept (without the marker) only when that option is given.  One
# template serves every type of its kind:
#	ordered_type.sql.in   comparison operators, btree and hash operator classes;
#	                      options sortsupport, minmax (the min and max aggregates)
#	equality_type.sql.in  = and <> only; option hash (a hash operator class)
$1 == "--" && $2 ~ /^@[a-z_]+$/ {
	tmpl = dir "/" substr($2, 2) ".sql.in"
	type = $3
	csym = $4
	opts = " "
	for (i = 5; i <= NF; i++)
		opts = opts $i " "
	found = 0
	while ((getline line < tmpl) > 0)
	{
		found = 1
		if (match(line, /^@[A-Z]+@/) && line !~ /^@(TYPE|C)@/)
		{
			if (index(opts, " " tolower(substr(line, 2, RLENGTH - 2)) " ") == 0)
				continue
			line = substr(line, RLENGTH + 1)
		}
		gsub(/@TYPE@/, type, line)
		gsub(/@C@/, csym, line)
		print line
	}
	close(tmpl)
	if (!found)
	{
		print "type_template.awk: no template " tmpl > "/dev/stderr"
		exit 1
	}
	next
}
{ print }
