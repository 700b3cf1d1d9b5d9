<%@ page contentType="text/html;charset=UTF-8" %>
<%@ taglib prefix="herald" uri="https://herald.dev/tags" %>
<!DOCTYPE html><html lang="en"><head><title>Counted</title>
<herald:meta title="A counted story" url="/counted"/></head>
<body><article><h1>A counted story</h1><herald:buttons networks="facebook, linkedin" counts="true"/></article></body></html>
