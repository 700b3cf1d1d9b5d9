<%@ page contentType="text/html;charset=UTF-8" %>
<%@ taglib prefix="herald" uri="https://herald.dev/tags" %>
<!DOCTYPE html><html><head><herald:meta title="x" image="javascript:alert(1)"/></head><body></body></html>
