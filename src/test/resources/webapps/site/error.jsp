<%@ page contentType="text/html;charset=UTF-8" isErrorPage="true" %><!DOCTYPE html>
<html><head><title>Not here – The Daily Tester</title></head>
<body><h1>Error page</h1><p>Status <%= request.getAttribute("jakarta.servlet.error.status_code") %>.</p></body></html>
